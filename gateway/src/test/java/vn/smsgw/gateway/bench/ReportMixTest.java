package vn.smsgw.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.ReportParser;

class ReportMixTest {

    @Test
    void zeroPadded_shortValue_isPaddedToTheWidth() {
        assertEquals("0000042", ReportMix.zeroPadded(42, 7));
        assertEquals("00", ReportMix.zeroPadded(0, 2));
        assertEquals("1234567", ReportMix.zeroPadded(1_234_567, 7));
    }

    @Test
    void zeroPadded_valueWiderThanTheWidth_keepsEveryDigit() {
        assertEquals("123", ReportMix.zeroPadded(123, 2));
    }

    @Test
    void next_sameSeed_drawsTheSameMessages() {
        ReportMix a = new ReportMix(7, 1_000);
        ReportMix b = new ReportMix(7, 1_000);
        for (int i = 0; i < 500; i++) {
            assertEquals(a.next(), b.next());
        }
    }

    @Test
    void next_reportedNumbers_areTenDigitMobileNumbersTheParserAccepts() {
        ReportMix mix = new ReportMix(3, 1_000);
        ReportParser parser = new ReportParser();
        List<String> parsed = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String text = mix.next();
            if (text.startsWith("LD 0") || text.startsWith("V 0")) {
                String number = text.split(" ")[1];
                assertTrue(number.matches("0[0-9]{9}"), number);
                ParseResult r = parser.parse(text);
                assertInstanceOf(ParseResult.Parsed.class, r, text);
                parsed.add(number);
            }
        }
        assertTrue(parsed.size() > 1_000, "LD and V are 70 % of the mix: " + parsed.size());
    }
}
