package vn.smsgw.parser.number;

import java.util.Objects;

/**
 * The reported originator ("nguồn phát tán") of a spam SMS or call: a number, a short code, a service number or a
 * brandname.
 *
 * <p>{@code value} is the E.164 number for {@link SourceType#MOBILE}, {@link SourceType#FIXED} and
 * {@link SourceType#INTERNATIONAL}; the national digits for {@link SourceType#SERVICE} ({@code 19001234}) and
 * {@link SourceType#SHORT_CODE} ({@code 9029}); the name as typed for {@link SourceType#BRANDNAME}.
 * {@code carrier} is the allocation of a mobile prefix, {@link Carrier#UNKNOWN} otherwise. Immutable.
 */
public record Source(String value, SourceType type, Carrier carrier) {

    public Source {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(carrier, "carrier");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty source");
        }
        if (type != SourceType.MOBILE && carrier != Carrier.UNKNOWN) {
            throw new IllegalArgumentException(type + " has no allocated carrier");
        }
    }

    /** A source that is a subscriber number. */
    public static Source of(Msisdn msisdn) {
        return new Source(msisdn.e164(), msisdn.type(), msisdn.carrier());
    }

    /** An alphanumeric sender, kept as typed. */
    public static Source brandname(String name) {
        return new Source(name, SourceType.BRANDNAME, Carrier.UNKNOWN);
    }

    /** True for the types that carry an E.164 number. */
    public boolean isMsisdn() {
        return type == SourceType.MOBILE || type == SourceType.FIXED || type == SourceType.INTERNATIONAL;
    }

    /** The source for logs: a subscriber number is masked as {@link Msisdn#masked()} does, e.g. {@code 84912***678}. */
    @Override
    public String toString() {
        String shown = isMsisdn() ? Msisdn.mask(value.substring(1)) : value;
        return "Source[" + type + " " + shown + " " + carrier + "]";
    }
}
