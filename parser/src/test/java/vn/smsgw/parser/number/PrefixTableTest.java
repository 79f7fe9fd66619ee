package vn.smsgw.parser.number;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the hand-written matchers against the libphonenumber patterns of domain reference §3.1. */
class PrefixTableTest {

    private static final Pattern MOBILE = Pattern.compile(
            "121[0-3]\\d{5}|(?:160|(?:3\\d|7[06-9])\\d|5(?:[1689]\\d|2[238]|59)|8(?:[1-8]\\d|9[6-9])"
                    + "|9(?:[0-8]\\d|9[013-9]))\\d{6}");
    private static final Pattern FIXED = Pattern.compile(
            "2(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])\\d{7}");

    @Test
    void isMobile_everyFourDigitPrefix_agreesWithMobilePattern() {
        for (int prefix = 0; prefix < 10_000; prefix++) {
            String nsn = fourDigits(prefix) + "56789";
            assertEquals(MOBILE.matcher(nsn).matches(), PrefixTable.isMobile(nsn.toCharArray(), 0), nsn);
        }
    }

    @Test
    void isFixed_everyFourDigitPrefix_agreesWithFixedPattern() {
        for (int prefix = 0; prefix < 10_000; prefix++) {
            String nsn = fourDigits(prefix) + "567890";
            assertEquals(FIXED.matcher(nsn).matches(), PrefixTable.isFixed(nsn.toCharArray(), 0), nsn);
        }
    }

    @Test
    void convertLegacyMobile_everyConvertedNumber_isValidMobile() {
        int converted = 0;
        for (int prefix = 100; prefix < 200; prefix++) {
            char[] nsn = (prefix + "1234567").toCharArray();
            if (PrefixTable.convertLegacyMobile(nsn, 0)) {
                converted++;
                assertTrue(PrefixTable.isMobile(nsn, 1), new String(nsn));
                assertEquals("1234567", new String(nsn, 3, 7));
            }
        }
        assertEquals(21, converted);
    }

    @Test
    void convertLegacyMobile_prefixOutsideTable_leavesDigitsUnchanged() {
        char[] nsn = "1601234567".toCharArray();
        assertFalse(PrefixTable.convertLegacyMobile(nsn, 0));
        assertArrayEquals("1601234567".toCharArray(), nsn);
    }

    @Test
    void carrier_everyAllocatedPrefix_hasValidMobileNumbers() {
        for (int prefix = 0; prefix < 1_000; prefix++) {
            char[] nsn = (threeDigits(prefix) + "000000").toCharArray();
            if (PrefixTable.carrier(nsn, 0) != Carrier.UNKNOWN) {
                assertTrue(PrefixTable.isMobile(nsn, 0), new String(nsn));
            }
        }
    }

    private static String fourDigits(int value) {
        return Integer.toString(10_000 + value).substring(1);
    }

    private static String threeDigits(int value) {
        return Integer.toString(1_000 + value).substring(1);
    }
}
