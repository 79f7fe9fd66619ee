package vn.smsgw.parser.text;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseFoldingTest {

    @ParameterizedTest
    @CsvSource({
        "Đường dây nóng Bộ Công an, Duong day nong Bo Cong an",
        "Sổ liên lạc điện tử, So lien lac dien tu",
        "ƯỚC ĐỊNH, UOC DINH",
    })
    void fold_domainVectors_removeEveryDiacritic(String accented, String plain) {
        assertEquals(plain, VietnameseFolding.fold(accented));
    }

    @ParameterizedTest
    @CsvSource({
        "Đường dây nóng Bộ Công an, Duong day nong Bo Cong an",
        "Sổ liên lạc điện tử, So lien lac dien tu",
        "ƯỚC ĐỊNH, UOC DINH",
    })
    void fold_decomposedDomainVectors_removeEveryDiacritic(String accented, String plain) {
        assertEquals(plain, VietnameseFolding.fold(Normalizer.normalize(accented, Normalizer.Form.NFD)));
    }

    @Test
    void all_generatedLetters_are134DistinctPrecomposedChars() {
        List<VietnameseLetters.Letter> letters = VietnameseLetters.all();
        Set<String> distinct = letters.stream().map(VietnameseLetters.Letter::precomposed).collect(Collectors.toSet());
        assertAll(
                () -> assertEquals(134, letters.size()),
                () -> assertEquals(134, distinct.size()),
                () -> assertEquals(Set.of(1), distinct.stream().map(String::length).collect(Collectors.toSet())));
    }

    @Test
    void fold_everyPrecomposedVietnameseLetter_isItsPlainLetter() {
        assertAll(VietnameseLetters.all().stream().map(letter ->
                () -> assertEquals(letter.plain(), VietnameseFolding.fold(letter.precomposed()), letter.precomposed())));
    }

    @Test
    void fold_everyDecomposedVietnameseLetter_isItsPlainLetter() {
        assertAll(VietnameseLetters.all().stream().map(letter ->
                () -> assertEquals(letter.plain(), VietnameseFolding.fold(letter.decomposed()), letter.precomposed())));
    }

    @Test
    void foldLower_everyVietnameseLetter_isItsLowerCasePlainLetter() {
        assertAll(VietnameseLetters.all().stream().map(letter -> () -> assertEquals(
                letter.plain().toLowerCase(Locale.ROOT), VietnameseFolding.foldLower(letter.precomposed()),
                letter.precomposed())));
    }

    @Test
    void fold_icelandicEth_isCapitalD() {
        assertEquals("Dang", VietnameseFolding.fold("\u00D0ang"));
    }

    @Test
    void fold_asciiString_returnsSameInstance() {
        String ascii = "LD 0912345678 goi lua dao\r\n\t~";
        assertSame(ascii, VietnameseFolding.fold(ascii));
    }

    @Test
    void fold_asciiStringBuilder_returnsEqualString() {
        assertEquals("S 0912 spam", VietnameseFolding.fold(new StringBuilder("S 0912 spam")));
    }

    @Test
    void foldLower_lowerCaseAscii_returnsSameInstance() {
        String ascii = "ld 0912345678 lua dao";
        assertSame(ascii, VietnameseFolding.foldLower(ascii));
    }

    @Test
    void foldLower_upperCaseAscii_isLowerCased() {
        assertEquals("ld 0912345678 lua dao", VietnameseFolding.foldLower("LD 0912345678 Lua Dao"));
    }

    @Test
    void foldLower_vietnameseSentence_isPlainLowerCase() {
        assertEquals("uoc dinh so lien lac", VietnameseFolding.foldLower("ƯỚC ĐỊNH Sổ Liên Lạc"));
    }

    @Test
    void fold_emptyText_isEmpty() {
        assertEquals("", VietnameseFolding.fold(""));
    }

    @Test
    void fold_emojiAmongVietnamese_keepsEmoji() {
        assertEquals("Canh bao \uD83D\uDE00 lua dao", VietnameseFolding.fold("Cảnh báo \uD83D\uDE00 lừa đảo"));
    }

    @Test
    void fold_greekAmongVietnamese_keepsGreek() {
        assertEquals("Da Lat \u03A9", VietnameseFolding.fold("Đà Lạt \u03A9"));
    }

    @Test
    void fold_loneSurrogatesAndControlChars_keepsThem() {
        String hostile = "\uDE00a\u0000\u001B\uD83D\u0301\uFFFF\uFFFE";
        assertEquals("\uDE00a\u0000\u001B\uD83D\uFFFF\uFFFE", VietnameseFolding.fold(hostile));
    }

    @Test
    void fold_combiningMarkWithoutBase_isRemoved() {
        assertEquals(" a", VietnameseFolding.fold("\u0301 a\u0323"));
    }

    @Test
    void fold_everyBmpCharInVietnameseContext_matchesNormalizerDefinition() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "Ư" + (char) c + "\u0323ạ";
            String expected = VietnameseFolding.foldByNormalizer(text);
            assertEquals(expected, VietnameseFolding.fold(text), () -> "char " + Integer.toHexString(text.charAt(1)));
            assertEquals(expected.toLowerCase(Locale.ROOT), VietnameseFolding.foldLower(text),
                    () -> "char " + Integer.toHexString(text.charAt(1)));
        }
    }
}
