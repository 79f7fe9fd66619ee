package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceScannerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[FE CREDIT] x|10", "(VCB)(y)|4", "((a)b) c|5", "[[a]]|4", "[a)|-1",
        "(a|-1", "[a(]|3"})
    void closing_openingBracket_isMatchedBySameKind(String text, int expected) {
        assertEquals(expected, SourceScanner.closing(text, 0));
    }

    @Test
    void isNumberText_digitsAndSeparators_isTrue() {
        String text = "[ +84 (0) 912.345-678 ]";
        assertTrue(SourceScanner.isNumberText(text, 1, text.length() - 1));
    }

    @Test
    void isNumberText_letterOrNoDigit_isFalse() {
        assertFalse(SourceScanner.isNumberText("09x12", 0, 5));
        assertFalse(SourceScanner.isNumberText(" .-+() ", 0, 7));
        assertFalse(SourceScanner.isNumberText("", 0, 0));
    }

    @Test
    void scan_afterCommand_startsAtCommandEnd() {
        assertEquals(Command.V, SourceScanner.scan("V(0812341213) lua dao", 1, Command.V).command().orElseThrow());
    }
}
