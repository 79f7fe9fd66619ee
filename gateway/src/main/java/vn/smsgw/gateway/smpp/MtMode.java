package vn.smsgw.gateway.smpp;

/** Which alphabet an MT text is sent in. */
public enum MtMode {
    /** GSM 7-bit when every character fits, else UCS-2. */
    AUTO,
    /** GSM 7-bit; a text with a character outside the GSM 03.38 alphabet is refused. */
    GSM7,
    /** UCS-2 always (campaigns with accented Vietnamese that must not be folded). */
    UCS2
}
