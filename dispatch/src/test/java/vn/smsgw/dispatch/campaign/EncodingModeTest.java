package vn.smsgw.dispatch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.smsgw.parser.text.SmsEncoding;
import vn.smsgw.parser.text.SmsLength;

class EncodingModeTest {

    @Test
    void length_seedWarningAuto_isSixUcs2Segments() {
        assertEquals(371, SeedText.WARNING.length());
        assertEquals(new SmsLength(SmsEncoding.UCS2, 371, 6), EncodingMode.AUTO.length(SeedText.WARNING));
    }

    @Test
    void length_seedWarningUnaccented_isThreeGsmSegments() {
        SmsLength l = EncodingMode.UNACCENTED.length(SeedText.WARNING);
        assertEquals(SmsEncoding.GSM7, l.encoding());
        assertEquals(3, l.segments());
    }

    @Test
    void prepare_unaccentedCurlyQuotesAndDashes_mapsToGsm() {
        assertEquals("\"So lien lac dien tu\" - 5 KHONG... 'OTP'",
                EncodingMode.UNACCENTED.prepare("“Sổ liên lạc điện tử” – 5 KHÔNG… ‘OTP’"));
    }

    @Test
    void length_ucs2OnAsciiText_isUcs2() {
        assertEquals(SmsEncoding.UCS2, EncodingMode.UCS2.length("hello").encoding());
    }

    @Test
    void length_unaccentedWithEmoji_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> EncodingMode.UNACCENTED.length("Cảnh báo \uD83D\uDEA8"));
    }

    @Test
    void parse_unknownMode_isRefusedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EncodingMode.parse("utf8"));
        assertEquals("encoding must be auto, unaccented or ucs2, not 'utf8'", e.getMessage());
    }
}
