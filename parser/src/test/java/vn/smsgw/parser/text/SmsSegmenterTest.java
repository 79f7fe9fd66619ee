package vn.smsgw.parser.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmsSegmenterTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void split_emptyText_isOneEmptyPart() {
        assertEquals(List.of(""), SmsSegmenter.split(""));
    }

    @Test
    void split_textFittingOneSms_isTheText() {
        String text = "a".repeat(160);
        assertEquals(List.of(text), SmsSegmenter.split(text));
    }

    @Test
    void split_161GsmChars_is153Then8() {
        assertEquals(List.of("a".repeat(153), "a".repeat(8)), SmsSegmenter.split("a".repeat(161)));
    }

    @Test
    void split_71Ucs2Chars_is67Then4() {
        assertEquals(List.of("ạ".repeat(67), "ạ".repeat(4)), SmsSegmenter.split("ạ".repeat(71)));
    }

    @Test
    void split_escapeAtPartBoundary_movesWholeToNextPart() {
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertEquals(List.of("a".repeat(152), "€" + "a".repeat(151), "a"), SmsSegmenter.split(text));
    }

    @Test
    void split_surrogatePairAtPartBoundary_movesWholeToNextPart() {
        String text = "a".repeat(66) + EMOJI + "a".repeat(66);
        assertEquals(List.of("a".repeat(66), EMOJI + "a".repeat(65), "a"), SmsSegmenter.split(text));
    }

    @Test
    void split_gsmTextForcedToUcs2_usesUcs2Parts() {
        assertEquals(List.of("a".repeat(67), "a".repeat(4)), SmsSegmenter.split("a".repeat(71), SmsEncoding.UCS2));
    }

    @Test
    void split_seedWarning_isSixUcs2Parts() {
        List<String> parts = SmsSegmenter.split(SeedWarning.TEXT);
        assertEquals(6, parts.size());
        assertEquals(SeedWarning.TEXT, String.join("", parts));
    }

    @Test
    void split_foldedSeedWarning_isThreeGsmParts() {
        String folded = VietnameseFolding.fold(SeedWarning.TEXT);
        List<String> parts = SmsSegmenter.split(folded);
        assertEquals(List.of(153, 153, 65), parts.stream().map(String::length).toList());
        assertEquals(folded, String.join("", parts));
    }

    @Test
    void split_vietnameseForcedToGsm7_throws() {
        assertThrows(IllegalArgumentException.class, () -> SmsSegmenter.split("Sổ", SmsEncoding.GSM7));
    }

    @Test
    void split_randomTexts_partsJoinBackFitAndMatchSmsLength() {
        String[] gsmPieces = {"a", "a", "a", "€", "{", "@", " "};
        String[] ucs2Pieces = {"a", "ạ", "€", EMOJI, "\uD83D", "\uDE00"};
        Random random = new Random(156);
        for (int round = 0; round < 2_000; round++) {
            String[] pieces = round % 2 == 0 ? gsmPieces : ucs2Pieces;
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(500);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertPartsAreSound(text.toString());
        }
    }

    private static void assertPartsAreSound(String text) {
        SmsLength length = SmsLength.of(text);
        List<String> parts = SmsSegmenter.split(text);
        assertEquals(text, String.join("", parts));
        assertEquals(length.segments(), parts.size(), text);
        int limit = parts.size() == 1 ? length.encoding().singleUnits() : length.encoding().partUnits();
        int start = 0;
        for (String part : parts) {
            int units = length.encoding() == SmsEncoding.GSM7 ? GsmAlphabet.encode(part).length : part.length();
            assertTrue(units <= limit, () -> units + " units in a part: " + part);
            assertTrue(start == 0 || !Character.isHighSurrogate(text.charAt(start - 1))
                    || !Character.isLowSurrogate(text.charAt(start)), "surrogate pair split at " + start);
            start += part.length();
        }
    }
}
