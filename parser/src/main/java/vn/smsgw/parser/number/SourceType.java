package vn.smsgw.parser.number;

/** What kind of originator a reported source is. */
public enum SourceType {
    /** A Vietnamese mobile number, E.164 {@code +84…}. */
    MOBILE,
    /** A Vietnamese landline (post-2017 area codes), E.164 {@code +842…}. */
    FIXED,
    /** A 1800 (toll-free) or 1900 (premium) service number, kept as national digits. */
    SERVICE,
    /** A 3–6 digit short code, kept as digits. */
    SHORT_CODE,
    /** A number with a country code other than 84, {@code +<digits>}. */
    INTERNATIONAL,
    /** An alphanumeric sender (SMS brandname), case kept as typed. */
    BRANDNAME
}
