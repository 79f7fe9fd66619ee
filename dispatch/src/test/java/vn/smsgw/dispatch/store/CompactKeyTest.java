package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class CompactKeyTest {
    private static final String HEX = "0123456789abcdef0123456789abcdef";

    @Test
    void of_sameHexText_givesEqualKeys() {
        Object a = CompactKey.of(HEX);
        Object b = CompactKey.of(new String(HEX.toCharArray()));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void of_hexTextsDifferingInOneDigit_giveDistinctKeys() {
        assertNotEquals(CompactKey.of(HEX), CompactKey.of("1" + HEX.substring(1)));
        assertNotEquals(CompactKey.of(HEX), CompactKey.of(HEX.substring(0, 15) + "0" + HEX.substring(16)));
        assertNotEquals(CompactKey.of(HEX), CompactKey.of(HEX.substring(0, 16) + "1" + HEX.substring(17)));
        assertNotEquals(CompactKey.of(HEX), CompactKey.of(HEX.substring(0, 31) + "e"));
        assertNotEquals(CompactKey.of("ffffffffffffffff0000000000000000"),
                CompactKey.of("0000000000000000ffffffffffffffff"), "the two halves are not mixed");
    }

    @Test
    void of_otherTexts_areKeptAsThemselves() {
        for (String text : new String[] {"", "key-a", HEX.toUpperCase(), HEX.substring(1), HEX + "0",
            HEX.substring(0, 31) + "g"}) {
            assertSame(text, CompactKey.of(text), text);
        }
    }

    @Test
    void of_aHexKeyNeverEqualsATextKey() {
        assertNotEquals(CompactKey.of(HEX), HEX);
        assertNotEquals(HEX, CompactKey.of(HEX));
    }

    @Test
    void highAndLow_areTheTwoHalvesOfTheHexText() {
        assertEquals(true, CompactKey.isHex128(HEX));
        assertEquals(0x0123456789abcdefL, CompactKey.high(HEX));
        assertEquals(0x0123456789abcdefL, CompactKey.low(HEX));
        String mixed = "ffffffffffffffff0000000000000001";
        assertEquals(-1L, CompactKey.high(mixed));
        assertEquals(1L, CompactKey.low(mixed));
        for (String text : new String[] {"", HEX.toUpperCase(), HEX.substring(1), HEX + "0", HEX.substring(0, 31) + "g"}) {
            assertEquals(false, CompactKey.isHex128(text), text);
        }
    }
}
