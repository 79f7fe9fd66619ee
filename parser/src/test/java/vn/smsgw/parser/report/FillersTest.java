package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FillersTest {

    @ParameterizedTest
    @ValueSource(strings = {"toi muon bao cao", "Tôi muốn phản ánh", "toi xin phan anh", "xin phản ánh", "BÁO CÁO",
        "phan anh", "Tố cáo", "cú pháp", "Report"})
    void skipLeading_eachFillerThenCommand_returnsCommandStart(String filler) {
        String message = filler + ": LD 0912345678";
        assertEquals(message.indexOf("LD"), Fillers.skipLeading(message));
    }

    @Test
    void skipLeading_noFiller_isZero() {
        assertEquals(0, Fillers.skipLeading("LD 0912345678"));
    }

    @Test
    void skipLeading_fillerGluedToText_isZero() {
        assertEquals(0, Fillers.skipLeading("bao caoLD 0912345678"));
        assertEquals(0, Fillers.skipLeading("bao cao! LD"));
    }

    @Test
    void skipLeading_fillerAlone_isLength() {
        assertEquals(7, Fillers.skipLeading("Bao cao"));
    }

    @Test
    void skipSource_fillerBeforeNumber_returnsNumberStart() {
        assertEquals(7, Fillers.skipSource("x SĐT: 0912345678", 2));
    }

    @Test
    void skipSource_fillerBeforeWord_returnsStart() {
        assertEquals(0, Fillers.skipSource("sdt VCB", 0));
    }

    @Test
    void skipSource_chainedFillers_returnsNumberStart() {
        assertEquals(17, Fillers.skipSource("tu so dien thoai 0912345678", 0));
        assertEquals(12, Fillers.skipSource("thue bao so 0912345678", 0));
    }

    @Test
    void skipSource_fillerIsStartOfWord_returnsStart() {
        assertEquals(0, Fillers.skipSource("soan 0912345678", 0));
    }

    @Test
    void skipSource_fillerBeforeBracketedNumber_returnsBracket() {
        assertEquals(4, Fillers.skipSource("sdt [ 0912345678 ]", 0));
    }

    @Test
    void trimTrailingSource_trailingFillersAndSeparators_areRemoved() {
        String text = "goi lua dao, từ số điện thoại: ";
        assertEquals(11, Fillers.trimTrailingSource(text, 0, text.length()));
    }

    @Test
    void trimTrailingSource_fillerInsideWord_isKept() {
        assertEquals(4, Fillers.trimTrailingSource("Hoso ", 0, 5));
    }

    @Test
    void trimTrailingSource_floor_isRespected() {
        assertEquals(3, Fillers.trimTrailingSource("LD so ", 3, 6));
    }
}
