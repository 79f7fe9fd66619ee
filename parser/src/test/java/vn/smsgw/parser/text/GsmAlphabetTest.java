package vn.smsgw.parser.text;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GsmAlphabetTest {

    private static final String EXTENSION_CHARS = "\f^{}\\[]~|€";

    @Test
    void decode_everyBasicCode_roundTripsThroughEncode() {
        for (int code = 0; code < 0x80; code++) {
            if (code == GsmAlphabet.ESCAPE) {
                continue;
            }
            String decoded = GsmAlphabet.decode(new byte[] {(byte) code});
            assertEquals(1, decoded.length());
            assertArrayEquals(new byte[] {(byte) code}, GsmAlphabet.encode(decoded), decoded);
        }
    }

    @Test
    void decode_basicTable_gives127DistinctChars() {
        Set<Character> chars = new HashSet<>();
        for (int code = 0; code < 0x80; code++) {
            if (code != GsmAlphabet.ESCAPE) {
                chars.add(GsmAlphabet.decode(new byte[] {(byte) code}).charAt(0));
            }
        }
        assertEquals(127, chars.size());
    }

    @Test
    void encode_everyExtensionChar_isEscapeAndCodeAndRoundTrips() {
        assertAll(EXTENSION_CHARS.chars().mapToObj(c -> () -> {
            String text = String.valueOf((char) c);
            byte[] encoded = GsmAlphabet.encode(text);
            assertEquals(2, encoded.length, text);
            assertEquals(GsmAlphabet.ESCAPE, encoded[0], text);
            assertEquals(text, GsmAlphabet.decode(encoded));
        }));
    }

    @ParameterizedTest
    @CsvSource({"0x28, {", "0x29, }", "0x3C, [", "0x3E, ]", "0x2F, \\", "0x14, ^", "0x3D, ~", "0x40, |", "0x65, €"})
    void encode_extensionChar_usesTheStandardCode(String code, char c) {
        assertArrayEquals(new byte[] {0x1B, Integer.decode(code).byteValue()}, GsmAlphabet.encode(String.valueOf(c)));
    }

    @Test
    void decode_smppNotesExample_isTextWithAccentsEuroAndAt() {
        byte[] bytes = HexFormat.of().parseHex("494e464f20057405201b652000");
        assertEquals("INFO été € @", GsmAlphabet.decode(bytes));
    }

    @Test
    void encode_smppNotesExample_givesTheSameBytes() {
        assertEquals("494e464f20057405201b652000", HexFormat.of().formatHex(GsmAlphabet.encode("INFO été € @")));
    }

    @Test
    void encode_atSign_isNulOctet() {
        assertArrayEquals(new byte[] {0x00, 0x00}, GsmAlphabet.encode("@@"));
    }

    @Test
    void decode_nulOctetsInside_doNotTruncate() {
        assertEquals("a@b@", GsmAlphabet.decode(new byte[] {0x61, 0x00, 0x62, 0x00}));
    }

    @Test
    void decode_code09_isSmallCCedilla() {
        assertEquals("ç", GsmAlphabet.decode(new byte[] {0x09}));
    }

    @Test
    void encode_capitalCCedilla_isCode09() {
        assertArrayEquals(new byte[] {0x09, 0x09}, GsmAlphabet.encode("Çç"));
    }

    @Test
    void septets_basicChar_isOne() {
        assertEquals(1, GsmAlphabet.septets('Ω'));
    }

    @Test
    void septets_extensionChar_isTwo() {
        assertEquals(2, GsmAlphabet.septets('€'));
    }

    @Test
    void septets_unrepresentableChars_isZero() {
        assertAll(
                () -> assertEquals(0, GsmAlphabet.septets('ạ')),
                () -> assertEquals(0, GsmAlphabet.septets(0x1F600)),
                () -> assertEquals(0, GsmAlphabet.septets(0x1B)),
                () -> assertEquals(0, GsmAlphabet.septets('`')),
                () -> assertEquals(0, GsmAlphabet.septets(-1)));
    }

    @Test
    void septets_vietnameseLetters_onlySevenFit() {
        Set<String> fitting = VietnameseLetters.all().stream()
                .map(VietnameseLetters.Letter::precomposed)
                .filter(letter -> GsmAlphabet.septets(letter.charAt(0)) > 0)
                .collect(Collectors.toSet());
        assertEquals(Set.of("à", "è", "é", "ì", "ò", "ù", "É"), fitting);
    }

    @Test
    void canEncode_foldedOrGsmText_isTrue() {
        assertTrue(GsmAlphabet.canEncode("Xin chào bà, 50€ {ok}"));
    }

    @Test
    void canEncode_vietnameseWithHookAbove_isFalse() {
        assertFalse(GsmAlphabet.canEncode("Sổ liên lạc"));
    }

    @Test
    void encode_unrepresentableChar_throwsNamingIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GsmAlphabet.encode("So ổ"));
        assertTrue(e.getMessage().contains("U+1ED5 at index 3"), e.getMessage());
    }

    @Test
    void decode_escapeThenUndefinedCode_isTheBasicChar() {
        assertEquals("A", GsmAlphabet.decode(new byte[] {0x1B, 0x41}));
    }

    @Test
    void decode_trailingEscape_isSpace() {
        assertEquals("a ", GsmAlphabet.decode(new byte[] {0x61, 0x1B}));
    }

    @Test
    void decode_doubleEscape_isOneSpace() {
        assertEquals(" a", GsmAlphabet.decode(new byte[] {0x1B, 0x1B, 0x61}));
    }

    @Test
    void decode_octetAbove7Bits_isReplacementChar() {
        assertEquals("a\uFFFD\uFFFD", GsmAlphabet.decode(new byte[] {0x61, (byte) 0xE9, 0x1B, (byte) 0x80}));
    }

    @Test
    void decode_subRange_decodesOnlyThatRange() {
        byte[] bytes = {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 0x48, 0x69};
        assertEquals("Hi", GsmAlphabet.decode(bytes, 6, 2));
    }

    @Test
    void decode_rangeOutsideArray_throwsIndexOutOfBounds() {
        assertThrows(IndexOutOfBoundsException.class, () -> GsmAlphabet.decode(new byte[2], 1, 2));
    }

    @Test
    void decode_everyTwoOctetInput_neverThrows() {
        for (int a = 0; a < 0x100; a++) {
            for (int b = 0; b < 0x100; b++) {
                String decoded = GsmAlphabet.decode(new byte[] {(byte) a, (byte) b});
                assertTrue(decoded.length() == 1 || decoded.length() == 2);
            }
        }
    }

    @Test
    void encode_emptyText_isEmpty() {
        assertArrayEquals(new byte[0], GsmAlphabet.encode(""));
    }
}
