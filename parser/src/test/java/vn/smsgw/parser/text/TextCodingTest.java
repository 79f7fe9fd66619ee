package vn.smsgw.parser.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TextCodingTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GSM7   | 48 69 00          | Hi@",
        "GSM7   | 31 1b 65          | 1€",
        "GSM7   | 1b                | ' '",
        "GSM7   | 41 80             | A\uFFFD",
        "ASCII  | 4c 44 20 31       | LD 1",
        "ASCII  | 53 e9             | S\uFFFD",
        "LATIN1 | 63 61 66 e9       | café",
        "UCS2   | 0053 0020 0111    | S đ",
        "UCS2   | d83d de00 0078    | 😀x",
        "UCS2   | 0041 0042 00      | AB\uFFFD",
        "UCS2   | d83d 0041         | \uFFFDA",
        "UCS2   | 0041 de00         | A\uFFFD",
        "UCS2   | de00 d83d         | \uFFFD\uFFFD",
        "UCS2   | ''                | ''",
    })
    void decode_octets_giveTheirText(TextCoding coding, String octets, String text) {
        assertEquals(text, coding.decode(hex(octets)));
    }

    @Test
    void decode_range_decodesOnlyThoseOctets() {
        assertEquals("€", TextCoding.GSM7.decode(hex("41 1b 65 42"), 1, 2));
        assertEquals("đ", TextCoding.UCS2.decode(hex("00 0111 00"), 1, 2));
    }

    @Test
    void decode_rangeOutsideTheArray_throws() {
        assertThrows(IndexOutOfBoundsException.class, () -> TextCoding.UCS2.decode(new byte[2], 1, 2));
    }

    @Test
    void decode_ucs2SurrogatePairSplitAcrossTwoHalves_isReplacedInEachButKeptWhenJoined() {
        byte[] first = hex("0041 d83d");
        byte[] second = hex("de00 0042");
        assertEquals("A\uFFFD", TextCoding.UCS2.decode(first));
        assertEquals("\uFFFDB", TextCoding.UCS2.decode(second));
        assertEquals("A😀B", TextCoding.UCS2.decode(hex("0041 d83d de00 0042")));
    }

    @ParameterizedTest
    @EnumSource(TextCoding.class)
    void decode_randomOctets_oneCharPerUnitAndNeverThrows(TextCoding coding) {
        Random random = new Random(5656);
        for (int i = 0; i < 5_000; i++) {
            byte[] octets = new byte[random.nextInt(50)];
            random.nextBytes(octets);
            int length = coding.decode(octets).length();
            switch (coding) {
                case UCS2 -> assertEquals((octets.length + 1) / 2, length, "a char per code unit or odd octet");
                case ASCII, LATIN1 -> assertEquals(octets.length, length, "a char per octet");
                case GSM7 -> assertTrue(length >= (octets.length + 1) / 2 && length <= octets.length,
                        "a char per septet or escape pair");
            }
        }
    }
}
