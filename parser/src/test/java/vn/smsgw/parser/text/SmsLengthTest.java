package vn.smsgw.parser.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsLengthTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void of_emptyText_isZeroUnitsInOneGsmSegment() {
        assertEquals(new SmsLength(SmsEncoding.GSM7, 0, 1), SmsLength.of(""));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
    void of_gsmText_countsSeptetsAndParts(int chars, int segments) {
        assertEquals(new SmsLength(SmsEncoding.GSM7, chars, segments), SmsLength.of("a".repeat(chars)));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "371, 6"})
    void of_ucs2Text_countsUnitsAndParts(int chars, int segments) {
        assertEquals(new SmsLength(SmsEncoding.UCS2, chars, segments), SmsLength.of("ạ".repeat(chars)));
    }

    @Test
    void of_extensionChars_countTwoSeptets() {
        assertEquals(new SmsLength(SmsEncoding.GSM7, 160, 1), SmsLength.of("€".repeat(80)));
    }

    @Test
    void of_oneExtensionCharOverSingle_isTwoSegments() {
        assertEquals(new SmsLength(SmsEncoding.GSM7, 161, 2), SmsLength.of("a".repeat(159) + "]"));
    }

    @Test
    void of_escapeAtPartBoundary_needsOnePartMoreThanDivision() {
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertEquals(new SmsLength(SmsEncoding.GSM7, 306, 3), SmsLength.of(text));
    }

    @Test
    void of_surrogatePairAtPartBoundary_needsOnePartMoreThanDivision() {
        String text = "a".repeat(66) + EMOJI + "a".repeat(66);
        assertEquals(new SmsLength(SmsEncoding.UCS2, 134, 3), SmsLength.of(text));
    }

    @Test
    void of_emoji_countsTwoUnits() {
        assertEquals(new SmsLength(SmsEncoding.UCS2, 70, 1), SmsLength.of(EMOJI.repeat(35)));
    }

    @Test
    void of_onlyGsmAccents_staysGsm() {
        assertEquals(SmsEncoding.GSM7, SmsLength.of("Xin chào bà, hè à").encoding());
    }

    @Test
    void of_seedWarning_isUcs2In371UnitsAndSixSegments() {
        assertEquals(new SmsLength(SmsEncoding.UCS2, 371, 6), SmsLength.of(SeedWarning.TEXT));
    }

    @Test
    void of_foldedSeedWarning_isGsmIn371SeptetsAndThreeSegments() {
        assertEquals(new SmsLength(SmsEncoding.GSM7, 371, 3), SmsLength.of(VietnameseFolding.fold(SeedWarning.TEXT)));
    }

    @Test
    void of_gsmTextForcedToUcs2_countsUtf16Units() {
        assertEquals(new SmsLength(SmsEncoding.UCS2, 80, 2), SmsLength.of("€".repeat(80), SmsEncoding.UCS2));
    }

    @Test
    void of_gsmTextForcedToGsm7_isSameAsAutomatic() {
        assertEquals(SmsLength.of("a{b}"), SmsLength.of("a{b}", SmsEncoding.GSM7));
    }

    @Test
    void of_vietnameseForcedToGsm7_throws() {
        assertThrows(IllegalArgumentException.class, () -> SmsLength.of("Sổ", SmsEncoding.GSM7));
    }

    @Test
    void new_negativeUnits_throws() {
        assertThrows(IllegalArgumentException.class, () -> new SmsLength(SmsEncoding.GSM7, -1, 1));
    }

    @Test
    void new_severalSegmentsForSingleSms_throws() {
        assertThrows(IllegalArgumentException.class, () -> new SmsLength(SmsEncoding.GSM7, 160, 2));
    }

    @Test
    void new_tooFewSegments_throws() {
        assertThrows(IllegalArgumentException.class, () -> new SmsLength(SmsEncoding.UCS2, 71, 1));
    }

    @Test
    void new_tooManySegments_throws() {
        assertThrows(IllegalArgumentException.class, () -> new SmsLength(SmsEncoding.GSM7, 306, 4));
    }

    @Test
    void new_nullEncoding_throws() {
        assertThrows(NullPointerException.class, () -> new SmsLength(null, 0, 1));
    }
}
