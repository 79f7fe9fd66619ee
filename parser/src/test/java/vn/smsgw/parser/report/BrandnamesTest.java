package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrandnamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"VCB abc|3", "Viettel: x|7", "A[B]|1", "x(y)|1", "a{b}|1", "a+b|1",
        "a,b|1", "a;b|1", "MB.BANK|7", "|0"})
    void tokenEnd_token_endsAtSpaceOrDelimiter(String text, int expected) {
        assertEquals(expected, Brandnames.tokenEnd(text == null ? "" : text, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"VCB.|false|3", "VCB-.-|false|3", "'VCB . '|true|3", "'VCB . '|false|6",
        "...|false|0"})
    void trimEnd_trailingDotsAndDashes_areTrimmed(String text, boolean spaces, int expected) {
        assertEquals(expected, Brandnames.trimEnd(text, 0, text.length(), spaces));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VCB|false|NAME", "vnpay|false|NAME", "A&T_Shop|false|NAME", "SHB-FINANCE|false|NAME", "8x77|false|NAME",
        "ABCDEFGHIJK|false|NAME", "FE CREDIT|true|NAME", "Ab|false|NAME",
        "ABCDEFGHIJKL|false|TOO_LONG", "NGAN HANG ACB|true|TOO_LONG",
        "FE CREDIT|false|NOT_A_NAME", "Số|false|NOT_A_NAME", "Ngânhàngquốcdân|false|NOT_A_NAME",
        "X|false|NOT_A_NAME", "12345|false|NOT_A_NAME", "@VCB|false|NOT_A_NAME", "_-_|false|NOT_A_NAME"})
    void check_candidate_getsVerdict(String text, boolean spaces, Brandnames.Verdict expected) {
        assertEquals(expected, Brandnames.check(text, 0, text.length(), spaces));
    }
}
