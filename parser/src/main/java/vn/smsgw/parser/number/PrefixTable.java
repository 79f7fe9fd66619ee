package vn.smsgw.parser.number;

import java.util.Arrays;

/**
 * The prefix rules of the Vietnamese numbering plan, applied to NSN digits (without trunk 0) held in a char buffer:
 * which NSNs are mobile or fixed, the 2018 network-code conversion, and the carrier a mobile range was allocated to.
 * Callers pass ASCII digits only. Stateless and thread-safe.
 */
final class PrefixTable {

    /*
     * The matchers are hand-written transcriptions of the libphonenumber patterns quoted in domain reference §3.1;
     * both patterns are decided by the first four NSN digits at most, and PrefixTableTest checks every four-digit
     * prefix against the regular expressions themselves.
     *
     * The carrier table is indexed by the first three NSN digits. Three digits are enough because the mobile
     * pattern already narrows the only four-digit range, 121x, to 1210-1213 (MobiFone, 2026).
     *
     * VSAT's 0672 range (moved from 0992 in 2018) is not in the mobile pattern (7[06-9] does not include 67), so
     * VSAT numbers are invalid rather than allocated; 0992 is excluded by 99[013-9] for the same reason.
     */

    private static final int NO_CONVERSION = 0;
    private static final byte[] NETWORK_CODE_SINCE_2018 = new byte[100];
    private static final Carrier[] CARRIER_BY_PREFIX = new Carrier[1000];

    static {
        // domain reference §3.3: old 11-digit prefix 01xy -> new 10-digit prefix 0ab, last 7 digits kept
        converts(20, 70);
        converts(21, 79);
        converts(22, 77);
        converts(26, 76);
        converts(28, 78);
        converts(23, 83);
        converts(24, 84);
        converts(25, 85);
        converts(27, 81);
        converts(29, 82);
        for (int old = 62; old <= 69; old++) {
            converts(old, old - 30);
        }
        converts(86, 56);
        converts(88, 58);
        converts(99, 59);

        // domain reference §3.2, as NSN prefixes (the 10-digit prefix without its trunk 0)
        Arrays.fill(CARRIER_BY_PREFIX, Carrier.UNKNOWN);
        allocates(Carrier.VIETTEL, "86", "96", "97", "98", "32", "33", "34", "35", "36", "37", "38", "39", "160");
        allocates(Carrier.VINAPHONE, "81", "82", "83", "84", "85", "88", "91", "94");
        allocates(Carrier.MOBIFONE, "896", "897", "898", "899", "90", "93", "70", "76", "77", "78", "79",
                "30", "51", "121");
        allocates(Carrier.VIETNAMOBILE, "92", "56", "58", "522", "523", "528");
        allocates(Carrier.GMOBILE, "993", "994", "995", "996", "997", "59");
        allocates(Carrier.ITEL, "87", "998", "999");
        allocates(Carrier.REDDI, "559");
    }

    private PrefixTable() {
    }

    /**
     * True when the 9 digits at {@code at} match the mobile pattern {@code 121[0-3]\d{5}} or
     * {@code (?:160|(?:3\d|7[06-9])\d|5(?:[1689]\d|2[238]|59)|8(?:[1-8]\d|9[6-9])|9(?:[0-8]\d|9[013-9]))\d{6}}.
     */
    static boolean isMobile(char[] nsn, int at) {
        char second = nsn[at + 1];
        char third = nsn[at + 2];
        switch (nsn[at]) {
            case '1':
                return (second == '2' && third == '1' && nsn[at + 3] <= '3') || (second == '6' && third == '0');
            case '3':
                return true;
            case '5':
                return second == '1' || second == '6' || second == '8' || second == '9'
                        || (second == '2' && (third == '2' || third == '3' || third == '8'))
                        || (second == '5' && third == '9');
            case '7':
                return second == '0' || second >= '6';
            case '8':
                return (second >= '1' && second <= '8') || (second == '9' && third >= '6');
            case '9':
                return second <= '8' || third != '2';
            default:
                return false;
        }
    }

    /**
     * True when the 10 digits at {@code at} match the fixed pattern
     * {@code 2(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])\d{7}}.
     */
    static boolean isFixed(char[] nsn, int at) {
        if (nsn[at] != '2') {
            return false;
        }
        char third = nsn[at + 2];
        switch (nsn[at + 1]) {
            case '0':
                return third >= '3';
            case '1':
                return third != '7';
            case '2':
                return third != '3' && third != '4';
            case '3':
            case '8':
                return third >= '2';
            case '4':
                return third >= '2' && third <= '8';
            case '5':
                return third != '0' && third != '3';
            case '6':
                return third <= '3' || third == '9';
            case '7':
                return third <= '7';
            case '9':
                return third != '5' && third != '8';
            default:
                return false;
        }
    }

    /**
     * Rewrites a 10-digit pre-2018 mobile NSN {@code 1xy…} at {@code at} to its 9-digit successor, which then starts
     * at {@code at + 1} (the network code changes, the last 7 digits are kept); false, and nothing written, when
     * {@code 1xy} is not in the 2018 conversion table.
     */
    static boolean convertLegacyMobile(char[] nsn, int at) {
        if (nsn[at] != '1') {
            return false;
        }
        int code = NETWORK_CODE_SINCE_2018[(nsn[at + 1] - '0') * 10 + (nsn[at + 2] - '0')];
        if (code == NO_CONVERSION) {
            return false;
        }
        nsn[at + 1] = (char) ('0' + code / 10);
        nsn[at + 2] = (char) ('0' + code % 10);
        return true;
    }

    /** The carrier the mobile NSN at {@code at} was allocated to; only meaningful once {@link #isMobile} holds. */
    static Carrier carrier(char[] nsn, int at) {
        return CARRIER_BY_PREFIX[(nsn[at] - '0') * 100 + (nsn[at + 1] - '0') * 10 + (nsn[at + 2] - '0')];
    }

    private static void converts(int oldCode, int newCode) {
        NETWORK_CODE_SINCE_2018[oldCode] = (byte) newCode;
    }

    private static void allocates(Carrier carrier, String... prefixes) {
        for (String prefix : prefixes) {
            int width = 1;
            int first = Integer.parseInt(prefix);
            for (int digits = prefix.length(); digits < 3; digits++) {
                width *= 10;
                first *= 10;
            }
            for (int cell = first; cell < first + width; cell++) {
                if (CARRIER_BY_PREFIX[cell] != Carrier.UNKNOWN) {
                    throw new IllegalStateException("prefix " + prefix + " overlaps another allocation");
                }
                CARRIER_BY_PREFIX[cell] = carrier;
            }
        }
    }
}
