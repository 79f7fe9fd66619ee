package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentCleanerTest {

    @Test
    void clean_leadingSeparators_areStripped() {
        String text = " +:,.;-=>|–—)] noi dung";
        assertEquals("noi dung", ContentCleaner.clean(text, 0, text.length()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(noi dung)|noi dung", "[noi dung]|noi dung", "\"noi dung\"|noi dung",
        "“noi dung”|noi dung", "«noi dung»|noi dung", "( noi dung )|noi dung", "((x))|(x)", "()|''"})
    void clean_oneEnclosingPair_isUnwrapped(String text, String expected) {
        assertEquals(expected, ContentCleaner.clean(text, 0, text.length()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(a) va (b)", "\"a\" va \"b\"", "[QC] Khuyen mai", "(a]", "(", "«a» b «c»",
        "“a” “b”"})
    void clean_pairNotAroundWholeContent_isKept(String text) {
        assertEquals(text, ContentCleaner.clean(text, 0, text.length()));
    }

    @Test
    void clean_caseDiacriticsAndEmoji_areKept() {
        String text = "Lừa ĐẢO 😡 nhé!";
        assertEquals(text, ContentCleaner.clean(text, 0, text.length()));
    }

    @Test
    void clean_subrange_onlyThatRange() {
        assertEquals("b", ContentCleaner.clean("a (b) c", 2, 5));
    }

    @Test
    void join_bothParts_areJoinedByOneSpace() {
        String text = "lua dao 0912345678: goi dem";
        assertEquals("lua dao goi dem", ContentCleaner.join(text, 0, 7, 18));
    }

    @Test
    void join_emptyBefore_isCleanedAfter() {
        assertEquals("goi dem", ContentCleaner.join("0912345678 (goi dem)", 0, 0, 10));
    }

    @Test
    void join_emptyAfter_isCleanedBefore() {
        assertEquals("lua dao", ContentCleaner.join("(lua dao) 0912345678", 0, 9, 20));
    }

    @Test
    void encloses_mismatchedPair_isFalse() {
        assertFalse(ContentCleaner.encloses("(a]", 0, 3));
        assertFalse(ContentCleaner.encloses("x", 0, 1));
    }
}
