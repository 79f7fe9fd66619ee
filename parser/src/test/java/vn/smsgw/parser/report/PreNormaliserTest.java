package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PreNormaliserTest {

    @Test
    void normalise_cleanAsciiString_returnsSameInstance() {
        String clean = "LD 0912345678 lua dao";
        assertSame(clean, PreNormaliser.normalise(clean));
    }

    @Test
    void normalise_nbspTabCrLf_becomeSingleSpaces() {
        assertEquals("a b c d e f", PreNormaliser.normalise("a\u00A0b\tc\r\nd\u2007e\u202F f"));
    }

    @Test
    void normalise_otherUnicodeBlanks_becomeSpaces() {
        assertEquals("a b c d", PreNormaliser.normalise("a\u3000b\u2028c\u2003\u000Bd"));
    }

    @Test
    void normalise_zeroWidthCharsAndBom_areRemoved() {
        assertEquals("0912345678", PreNormaliser.normalise("\uFEFF09\u200B12\u200C34\u200D56\u206078\u00AD"));
    }

    @Test
    void normalise_fullwidthDigitsAndPlus_becomeAscii() {
        assertEquals("+84 0123456789", PreNormaliser.normalise("\uFF0B\uFF18\uFF14 \uFF10\uFF11\uFF12\uFF13"
                + "\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19"));
    }

    @Test
    void normalise_surroundingAndRepeatedBlanks_areTrimmedAndCollapsed() {
        assertEquals("LD 09 x", PreNormaliser.normalise(" \t LD   09 \n\n x \u00A0"));
    }

    @Test
    void normalise_onlyBlanksAndInvisibles_isEmpty() {
        assertEquals("", PreNormaliser.normalise(" \u200B\t\uFEFF\u00A0 "));
    }

    @Test
    void normalise_decomposedVietnamese_isComposed() {
        assertEquals("lừa đảo", PreNormaliser.normalise("lu\u031B\u0300a \u0111a\u0309o"));
    }

    @Test
    void normalise_zeroWidthBetweenLetterAndMark_composesAcrossIt() {
        assertEquals("\u00E1", PreNormaliser.normalise("a\u200B\u0301"));
    }

    @Test
    void normalise_precomposedVietnamese_isUnchanged() {
        String text = "Tôi muốn báo cáo lừa đảo ỹ Ự";
        assertEquals(text, PreNormaliser.normalise(text));
    }

    @Test
    void normalise_loneSurrogates_areKept() {
        assertEquals("a \uD800 \uDC00", PreNormaliser.normalise("a \uD800  \uDC00 "));
    }

    @Test
    void normalise_charsThatSkipTheNormalizer_areAlreadyNfcAfterAnyLetter() {
        String before = "aAeEoOuUyYdDăâêôơưĂÂÊÔƠƯạẠếỆ";
        for (int c = 0x21; c < 0x20C0; c++) {
            boolean skipped = c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x205F)
                    || (c >= 0x20A0 && c <= 0x20BF);
            if (!skipped || PreNormaliser.isBlank((char) c) || PreNormaliser.isInvisible((char) c)) {
                continue;
            }
            for (char b : before.toCharArray()) {
                String pair = "" + b + (char) c;
                assertEquals(Normalizer.normalize(pair, Normalizer.Form.NFC), PreNormaliser.normalise(pair), pair);
            }
        }
    }

    @Test
    void isClean_controlCharOrDoubleSpace_isFalse() {
        assertFalse(PreNormaliser.isClean("a\u0001b"));
        assertFalse(PreNormaliser.isClean("a  b"));
        assertFalse(PreNormaliser.isClean(" a"));
        assertFalse(PreNormaliser.isClean("á"));
        assertTrue(PreNormaliser.isClean("a b!"));
    }

    @Test
    void normalise_randomText_matchesReferenceDefinition() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        String pool = "aS d0+ \t\n\r\u00A0\u2007\u202F\u3000\u200B\uFEFF\u00AD\uFF10\uFF19\uFF0Bá\u0301\u0323\u0302"
                + "ơư\u1EA1đĐ“”\u2000\u2001\u212B\u0344\uD800\uDC00\uD83D\uDE00\u037E";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
            String input = text.toString();
            assertEquals(reference(input), PreNormaliser.normalise(input), () -> "seed " + seed + " input " + input);
        }
    }

    @Test
    void normalise_aRunOfMoreMarksThanAnyTextNeeds_isCutIntoRunsOfThirtyByGraphemeJoiners() {
        String marks = "\u0301\u0323".repeat(20); // 40 marks of two classes, which NFC would reorder as one run

        String out = PreNormaliser.normalise("S a" + marks);

        int first = out.indexOf('\u034F');
        assertEquals("S a".length() + PreNormaliser.MAX_MARKS - 1, first, out); // the letter composes with a mark
        assertEquals(1, out.chars().filter(c -> c == 0x034F).count());
        assertTrue(Normalizer.isNormalized(out, Normalizer.Form.NFC));
    }

    @Test
    void normalise_tensOfThousandsOfMarksOfTwoClasses_endsInStreamSafeRuns() {
        // before the cut, NFC reordered them by insertion: about 2.6e8 steps for one message_payload's worth
        String hostile = "S " + "\u0301".repeat(16_000) + "\u0323".repeat(16_000);

        String out = PreNormaliser.normalise(hostile);

        assertEquals(32_000 / PreNormaliser.MAX_MARKS, out.chars().filter(c -> c == 0x034F).count());
        assertEquals(2 + 32_000 + 32_000 / PreNormaliser.MAX_MARKS, out.length());
    }

    /** The definition, written the slow and obvious way. */
    private static String reference(String text) {
        StringBuilder mapped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (PreNormaliser.isBlank(c)) {
                mapped.append(' ');
            } else if (!PreNormaliser.isInvisible(c)) {
                mapped.append(c >= 0xFF10 && c <= 0xFF19 ? (char) (c - 0xFF10 + '0') : c == 0xFF0B ? '+' : c);
            }
        }
        String nfc = Normalizer.normalize(mapped, Normalizer.Form.NFC);
        return nfc.replaceAll(" +", " ").trim();
    }
}
