package vn.smsgw.parser.number;

import java.util.Objects;
import java.util.Optional;

/**
 * A subscriber number in E.164 form ({@code +84912345678}), with its type and allocated carrier.
 *
 * <p>Valid by construction: {@code e164} is {@code +} followed by 8–15 digits, and {@code type} is one of
 * {@link SourceType#MOBILE} ({@code +84} and a 9-digit NSN), {@link SourceType#FIXED} ({@code +84} and a 10-digit
 * NSN) or {@link SourceType#INTERNATIONAL} (any other country code); {@code carrier} is {@link Carrier#UNKNOWN}
 * unless the type is mobile. The NSN is not checked against the numbering plan here: obtain a checked value through
 * {@link #parse(String)} or {@link NumberPlan}. Immutable and thread-safe; {@link #toString()} is masked.
 */
public record Msisdn(String e164, SourceType type, Carrier carrier) {

    public Msisdn {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(carrier, "carrier");
        if (!isE164(e164)) {
            throw new IllegalArgumentException("not an E.164 number: " + e164.length() + " chars");
        }
        if (type != SourceType.MOBILE && type != SourceType.FIXED && type != SourceType.INTERNATIONAL) {
            throw new IllegalArgumentException("an Msisdn cannot be of type " + type);
        }
        boolean fits = type == SourceType.INTERNATIONAL
                ? !e164.startsWith("+84")
                : e164.startsWith("+84") && e164.length() == (type == SourceType.MOBILE ? 12 : 13);
        if (!fits) {
            throw new IllegalArgumentException(type + " does not fit " + mask(e164.substring(1)));
        }
        if (type != SourceType.MOBILE && carrier != Carrier.UNKNOWN) {
            throw new IllegalArgumentException(type + " has no allocated carrier");
        }
    }

    /**
     * Normalises a subscriber address as an SMSC or an operator writes it ({@code 84912345678},
     * {@code 0912345678}, {@code +84 912 345 678}, {@code 0084…}), or empty when it is not a valid number.
     */
    public static Optional<Msisdn> parse(String address) {
        return NumberPlan.subscriber(address);
    }

    /** The digits without the leading {@code +}, e.g. {@code 84912345678}. */
    public String digits() {
        return e164.substring(1);
    }

    /** The number for logs: first five and last three digits kept, e.g. {@code 84912***678}. */
    public String masked() {
        return maskDigits(digits());
    }

    /**
     * Masks an address as written (an SMSC's {@code source_addr}, a queued destination) for logs: a subscriber
     * number in any form is masked as {@link #masked()} masks it, in its international form ({@code 0912345678} and
     * {@code 912345678} alike give {@code 84912***678}); anything else keeps at most its first five and last three
     * characters with at least three hidden, and a string of eight or fewer only its last two.
     */
    public static String mask(String address) {
        Optional<Msisdn> number = parse(address);
        return number.isPresent() ? number.get().masked() : maskDigits(address);
    }

    private static String maskDigits(String digits) {
        int n = digits.length();
        if (n >= 9) {
            return digits.substring(0, Math.min(5, n - 6)) + "***" + digits.substring(n - 3);
        }
        if (n <= 2) {
            return "***";
        }
        return "***" + digits.substring(n - 2);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static boolean isE164(String s) {
        int n = s.length();
        if (n < 9 || n > 16 || s.charAt(0) != '+') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
