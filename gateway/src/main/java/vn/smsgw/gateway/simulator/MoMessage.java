package vn.smsgw.gateway.simulator;

import java.util.Objects;
import vn.smsgw.parser.number.Msisdn;

/**
 * One mobile-originated SMS to inject: who sends it, to which short code, and its whole text (split into parts by
 * the simulator when it does not fit one SMS).
 *
 * @param reporter  source address, 1 to 20 digits (international form such as {@code 84912345678})
 * @param shortCode destination address, 1 to 20 digits
 * @param text      the message text, possibly empty
 */
public record MoMessage(String reporter, String shortCode, String text) {

    /** Validates both addresses as digit strings. */
    public MoMessage {
        requireDigits("reporter", reporter);
        requireDigits("shortCode", shortCode);
        Objects.requireNonNull(text, "text");
    }

    private static void requireDigits(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > 20 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(name + " must be 1 to 20 digits: " + value);
        }
    }

    /** Masks the reporter: these values end up in logs. */
    @Override
    public String toString() {
        return "MoMessage[reporter=" + Msisdn.mask(reporter) + ", shortCode=" + shortCode + ", length="
                + text.length() + "]";
    }
}
