package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CompactKeyTest {
    private static final String HEX = "0123456789abcdef0123456789abcdef";

    @Test
    void parse_givesTheTwoHalvesOfTheHexText() {
        assertEquals(new CompactKey.Bits(0x0123456789abcdefL, 0x0123456789abcdefL), CompactKey.parse(HEX));
        assertEquals(new CompactKey.Bits(-1L, 1L), CompactKey.parse("ffffffffffffffff0000000000000001"));
        assertEquals(new CompactKey.Bits(0L, 0L), CompactKey.parse("0".repeat(32)));
    }

    @Test
    void parse_ofTheSameText_givesEqualKeys() {
        CompactKey.Bits a = CompactKey.parse(HEX);
        CompactKey.Bits b = CompactKey.parse(new String(HEX.toCharArray()));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void parse_ofTextsDifferingInOneDigit_givesDistinctKeys() {
        assertNotEquals(CompactKey.parse(HEX), CompactKey.parse("1" + HEX.substring(1)));
        assertNotEquals(CompactKey.parse(HEX), CompactKey.parse(HEX.substring(0, 15) + "0" + HEX.substring(16)));
        assertNotEquals(CompactKey.parse(HEX), CompactKey.parse(HEX.substring(0, 16) + "1" + HEX.substring(17)));
        assertNotEquals(CompactKey.parse(HEX), CompactKey.parse(HEX.substring(0, 31) + "e"));
        assertNotEquals(CompactKey.parse("ffffffffffffffff0000000000000000"),
                CompactKey.parse("0000000000000000ffffffffffffffff"), "the two halves are not mixed");
    }

    @Test
    void parse_ofAnythingElse_isNull() {
        for (String text : new String[] {"", "key-a", HEX.toUpperCase(), HEX.substring(1), HEX + "0",
            HEX.substring(0, 31) + "g", HEX.substring(0, 16) + "/" + HEX.substring(17), "g" + HEX.substring(1),
            HEX.substring(0, 20) + "\u0660" + HEX.substring(21)}) {
            assertNull(CompactKey.parse(text), text);
        }
    }
}
