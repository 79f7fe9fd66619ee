package vn.smsgw.parser.number;

import java.util.Objects;
import java.util.Optional;

/**
 * The Vietnamese numbering plan (domain reference §3 and §8 step 7): normalises typed numbers to E.164, tells their
 * type, and the carrier their prefix was allocated to. Stateless and thread-safe.
 */
public final class NumberPlan {

    /*
     * One pass copies the digits into a small buffer, leaving three free slots in front of them; the digit string
     * is then classified by prefix and length, in this order:
     *   "+" or "00"  country code: 84 -> Vietnamese NSN (one stray trunk 0 dropped), else INTERNATIONAL, 8-15 digits
     *                ("+0..." is national: the "+" was a separator, domain reference §8 step 4)
     *   "0"          trunk 0 + NSN: 9-digit mobile, 10-digit fixed, or 10-digit pre-2018 mobile 1xy... converted
     *   "84"         + 9 or 10 digits (11-13 digits in all, a stray 0 after 84 is dropped as for +84)
     *   "1800/1900"  + 4-6 digits -> SERVICE, national digits
     *   3-6 digits   -> SHORT_CODE when allowed; a short code never starts with 0 (0 + 2-5 digits is invalid)
     *   9 digits     a bare mobile NSN whose trunk 0 was lost (contact lists, spreadsheets) -> MOBILE
     * Length is what tells a 2026 10-digit 0160x/0121[0-3] mobile from an 11-digit pre-2018 0160/0121 one, and a
     * 10-digit 083x mobile from a pre-2017 HCMC landline 08 + 8 digits (which therefore reads as a mobile).
     *
     * A Vietnamese result is written in place: "+84" goes into the three slots just before the NSN, over the trunk
     * 0, the "00" or the "84" that were typed, and a pre-2018 mobile gets its new network code in place. The
     * outcome comes back packed in one int, so the only allocations are the buffer and the returned value.
     */

    private static final int INVALID = -1;
    private static final int FIRST = 3;
    private static final int MAX_DIGITS = 17;
    private static final int CAPACITY = FIRST + MAX_DIGITS;
    private static final SourceType[] TYPES = SourceType.values();
    private static final Carrier[] CARRIERS = Carrier.values();

    private NumberPlan() {
    }

    /**
     * Normalises a number as typed in a report, or empty when it is not valid.
     *
     * <p>The value of the result is E.164 for a mobile, fixed or international number, the national digits for a
     * 1800/1900 service number ({@code 19001234}) and the digits for a short code ({@code 9029}).
     *
     * @param typed          the text of one or more number groups, not null: digits, one {@code +} before the first
     *                       digit, and the separators space, {@code .}, {@code -}, {@code (} and {@code )}, which are
     *                       ignored; any other character makes the number invalid
     * @param allowShortCode whether 3–6 digits not starting with 0 are accepted as a {@link SourceType#SHORT_CODE}
     *                       (S reports with a single group)
     */
    public static Optional<Source> reported(CharSequence typed, boolean allowShortCode) {
        Objects.requireNonNull(typed, "typed");
        char[] buffer = new char[CAPACITY];
        int found = classify(typed, buffer, allowShortCode);
        if (found == INVALID) {
            return Optional.empty();
        }
        return Optional.of(new Source(text(buffer, found), type(found), carrier(found)));
    }

    /**
     * Normalises a subscriber address (reporter or audience row) to a mobile, fixed or international number, or
     * empty when it is none of these; accepts the forms of {@link #reported} (including a bare 9-digit mobile NSN
     * such as {@code 912345678}), never a short code or a service number. {@code address} must not be null.
     */
    public static Optional<Msisdn> subscriber(CharSequence address) {
        Objects.requireNonNull(address, "address");
        char[] buffer = new char[CAPACITY];
        int found = classify(address, buffer, false);
        if (found == INVALID || type(found) == SourceType.SERVICE) {
            return Optional.empty();
        }
        return Optional.of(new Msisdn(text(buffer, found), type(found), carrier(found)));
    }

    /** The carrier a 9-digit Vietnamese mobile NSN (without trunk 0) was allocated to, {@link Carrier#UNKNOWN} if none. */
    public static Carrier allocation(CharSequence nsn) {
        if (nsn.length() != 9) {
            return Carrier.UNKNOWN;
        }
        char[] digits = new char[9];
        for (int i = 0; i < 9; i++) {
            char c = nsn.charAt(i);
            if (c < '0' || c > '9') {
                return Carrier.UNKNOWN;
            }
            digits[i] = c;
        }
        return PrefixTable.isMobile(digits, 0) ? PrefixTable.carrier(digits, 0) : Carrier.UNKNOWN;
    }

    private static int classify(CharSequence typed, char[] digits, boolean allowShortCode) {
        int end = FIRST;
        boolean plus = false;
        for (int i = 0, n = typed.length(); i < n; i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9') {
                if (end == CAPACITY) {
                    return INVALID;
                }
                digits[end++] = c;
            } else if (c == '+') {
                if (plus || end > FIRST) {
                    return INVALID;
                }
                plus = true;
            } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
                return INVALID;
            }
        }
        int count = end - FIRST;
        if (count == 0) {
            return INVALID;
        }
        if (digits[FIRST] == '0') {
            if (count > 1 && digits[FIRST + 1] == '0') {
                return withCountryCode(digits, FIRST + 2, end);
            }
            return national(digits, FIRST + 1, end);
        }
        if (plus) {
            return withCountryCode(digits, FIRST, end);
        }
        if (count >= 11 && digits[FIRST] == '8' && digits[FIRST + 1] == '4') {
            return afterVietnamCode(digits, FIRST + 2, end);
        }
        if (isService(digits, count)) {
            return pack(FIRST, count, SourceType.SERVICE, Carrier.UNKNOWN);
        }
        if (allowShortCode && count >= 3 && count <= 6) {
            return pack(FIRST, count, SourceType.SHORT_CODE, Carrier.UNKNOWN);
        }
        if (count == 9 && PrefixTable.isMobile(digits, FIRST)) {
            return mobile(digits, FIRST);
        }
        return INVALID;
    }

    /** The digits after {@code +} or {@code 00}. */
    private static int withCountryCode(char[] digits, int at, int end) {
        int count = end - at;
        if (count >= 2 && digits[at] == '8' && digits[at + 1] == '4') {
            return afterVietnamCode(digits, at + 2, end);
        }
        if (count < 8 || count > 15 || digits[at] == '0') {
            return INVALID;
        }
        digits[at - 1] = '+';
        return pack(at - 1, count + 1, SourceType.INTERNATIONAL, Carrier.UNKNOWN);
    }

    /** The digits after country code 84, where a trunk 0 kept by mistake ({@code +84 0912…}) is dropped. */
    private static int afterVietnamCode(char[] digits, int at, int end) {
        int nsn = at < end && digits[at] == '0' ? at + 1 : at;
        return national(digits, nsn, end);
    }

    /** A Vietnamese NSN, without trunk 0: a mobile, a fixed number or a pre-2018 mobile. */
    private static int national(char[] digits, int at, int end) {
        int length = end - at;
        if (length == 9) {
            return PrefixTable.isMobile(digits, at) ? mobile(digits, at) : INVALID;
        }
        if (length == 10) {
            if (PrefixTable.isFixed(digits, at)) {
                return vietnamese(digits, at, 10, SourceType.FIXED, Carrier.UNKNOWN);
            }
            if (PrefixTable.convertLegacyMobile(digits, at)) {
                return mobile(digits, at + 1);
            }
        }
        return INVALID;
    }

    private static int mobile(char[] digits, int at) {
        return vietnamese(digits, at, 9, SourceType.MOBILE, PrefixTable.carrier(digits, at));
    }

    private static int vietnamese(char[] digits, int at, int length, SourceType type, Carrier carrier) {
        digits[at - 3] = '+';
        digits[at - 2] = '8';
        digits[at - 1] = '4';
        return pack(at - 3, length + 3, type, carrier);
    }

    private static boolean isService(char[] digits, int count) {
        return count >= 8 && count <= 10
                && digits[FIRST] == '1' && (digits[FIRST + 1] == '8' || digits[FIRST + 1] == '9')
                && digits[FIRST + 2] == '0' && digits[FIRST + 3] == '0';
    }

    /* Packed outcome: start (5 bits) | length (5 bits) | type ordinal (3 bits) | carrier ordinal (4 bits). */

    private static int pack(int start, int length, SourceType type, Carrier carrier) {
        return start | length << 5 | type.ordinal() << 10 | carrier.ordinal() << 13;
    }

    private static String text(char[] digits, int packed) {
        return new String(digits, packed & 0x1F, packed >>> 5 & 0x1F);
    }

    private static SourceType type(int packed) {
        return TYPES[packed >>> 10 & 0x7];
    }

    private static Carrier carrier(int packed) {
        return CARRIERS[packed >>> 13 & 0xF];
    }
}
