package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldedTextTest {

    @ParameterizedTest
    @CsvSource({"A,a", "z,z", "Ố,o", "ộ,o", "đ,d", "Đ,d", "Ð,d", "ư,u", "Ữ,u", "ỹ,y", "É,e", "5,5", "+,+"})
    void fold_letterOrAscii_isLowerBaseChar(char c, char expected) {
        assertEquals(expected, FoldedText.fold(c));
    }

    @Test
    void fold_combiningMark_isMark() {
        assertEquals(FoldedText.MARK, FoldedText.fold('\u0301'));
        assertEquals(FoldedText.MARK, FoldedText.fold('\u20D0'));
    }

    @Test
    void fold_otherScript_isItself() {
        assertEquals('中', FoldedText.fold('中'));
        assertEquals('\uD83D', FoldedText.fold('\uD83D'));
    }

    @Test
    void matchAt_phraseWithDiacritics_returnsEnd() {
        assertEquals(13, FoldedText.matchAt("Số Điện Thoại 0912", 0, "so dien thoai"));
    }

    @Test
    void matchAt_decomposedMarks_areSkipped() {
        assertEquals(5, FoldedText.matchAt("s\u0301o\u0302\u0301 x", 0, "so"));
    }

    @Test
    void matchAt_otherText_isMinusOne() {
        assertEquals(-1, FoldedText.matchAt("sa", 0, "so"));
        assertEquals(-1, FoldedText.matchAt("s", 0, "so"));
        assertEquals(-1, FoldedText.matchAt("\u0301so", 0, "so"));
    }

    @Test
    void matchAt_fromOffset_matchesThere() {
        assertEquals(8, FoldedText.matchAt("LD từ số 09", 3, "tu so"));
    }

    @Test
    void matchBefore_phraseAtEnd_returnsStart() {
        assertEquals(8, FoldedText.matchBefore("lua dao từ số", 0, 13, "tu so"));
    }

    @Test
    void matchBefore_beforeFloor_isMinusOne() {
        assertEquals(-1, FoldedText.matchBefore("tu so", 1, 5, "tu so"));
    }
}
