package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated messages: parsing never throws, is deterministic, does not depend on the CharSequence type,
 * and is unchanged by pre-normalising the input first. Run with {@code -Dfuzz.seed=N} to replay a failure.
 */
class ReportParserFuzzTest {

    private static final int RANDOM_MESSAGES = 1_000_000;
    private static final int MUTATED_MESSAGES = 1_200_000;
    private static final int LONG_MESSAGE_CHARS = 100_000;
    private static final long LONG_MESSAGE_MILLIS = 2_000;

    private static final String SPECIAL_CHARS =
            "\u00A0\u2007\u202F\u200B\u200D\uFEFF\uFF10\uFF19\uFF0B\u3000\u2028\u00AD";
    private static final String GRAMMAR_CHARS = "SVLDsvldĐđ0123456789+()[]{}.,:;-=>|–—\"“”«» ";

    private final ReportParser parser = new ReportParser();
    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final SplittableRandom random = new SplittableRandom(seed);

    @Test
    void parse_randomCodePoints_neverThrowsAndIsDeterministic() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < RANDOM_MESSAGES; i++) {
            text.setLength(0);
            int length = random.nextInt(48);
            for (int k = 0; k < length; k++) {
                text.appendCodePoint(randomCodePoint());
            }
            check(text.toString());
        }
    }

    @Test
    void parse_mutatedTableMessages_neverThrowsAndIsDeterministic() {
        List<Row> rows = ReportTable.rows();
        for (int i = 0; i < MUTATED_MESSAGES; i++) {
            StringBuilder text = new StringBuilder(rows.get(random.nextInt(rows.size())).input());
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                mutate(text);
            }
            check(text.toString());
        }
    }

    @Test
    void parse_hundredKilobyteMessages_neverThrowsAndStaysLinear() {
        String[] units = {"1 ", "1.", "1-", "(1", "(", "[", "+1", "+", "a", "\u0301", "LD ", "tu so ", "( ", "0912 ",
            "Số ", "\uD800", "😡", " ", "S(", "(0912345678)", "«", "“", "\"", "x1 ", "1x "};
        for (String unit : units) {
            for (String prefix : new String[] {"", "S ", "LD ", "V tu so ", "S [", "LD 0912345678 (", "bao cao "}) {
                checkLong(prefix + unit.repeat(LONG_MESSAGE_CHARS / unit.length()));
            }
        }
        for (int i = 0; i < 16; i++) {
            StringBuilder text = new StringBuilder(LONG_MESSAGE_CHARS);
            while (text.length() < LONG_MESSAGE_CHARS) {
                text.appendCodePoint(random.nextInt(4) == 0 ? randomCodePoint() : GRAMMAR_CHARS.charAt(
                        random.nextInt(GRAMMAR_CHARS.length())));
            }
            checkLong(text.toString());
        }
    }

    private void checkLong(String input) {
        long start = System.nanoTime();
        check(input);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < LONG_MESSAGE_MILLIS, () -> "seed " + seed + ": " + millis + " ms for a message starting "
                + Row.escaped(input.substring(0, 40)));
    }

    private void check(String input) {
        ParseResult first;
        try {
            first = parser.parse(input);
        } catch (RuntimeException | StackOverflowError e) {
            fail("seed " + seed + ": parse threw on \"" + Row.escaped(input) + "\"", e);
            return;
        }
        String replay = "seed " + seed + ", input \"" + Row.escaped(input) + "\"";
        assertEquals(first, parser.parse(input), replay);
        assertEquals(first, parser.parse(new StringBuilder(input)), replay);
        assertEquals(first, parser.parse(PreNormaliser.normalise(input)), replay);
        if (first instanceof ParseResult.Parsed parsed) {
            String content = parsed.report().content();
            assertTrue(content.isEmpty() || (content.charAt(0) != ' ' && content.charAt(content.length() - 1) != ' '),
                    replay);
        }
    }

    private void mutate(StringBuilder text) {
        int length = text.length();
        if (length == 0) {
            text.append(mutationChar());
            return;
        }
        int at = random.nextInt(length);
        switch (random.nextInt(6)) {
            case 0 -> text.insert(at, mutationChar());
            case 1 -> text.deleteCharAt(at);
            case 2 -> text.setCharAt(at, mutationChar());
            case 3 -> text.insert(at, text.substring(at, Math.min(length, at + 1 + random.nextInt(8))));
            case 4 -> text.setLength(at);
            default -> text.insert(at, Character.toChars(randomCodePoint()));
        }
    }

    private char mutationChar() {
        return random.nextInt(3) == 0 ? (char) random.nextInt(0x10000)
                : GRAMMAR_CHARS.charAt(random.nextInt(GRAMMAR_CHARS.length()));
    }

    private int randomCodePoint() {
        return switch (random.nextInt(10)) {
            case 0 -> random.nextInt(0x20);
            case 1 -> 0x7F + random.nextInt(0x21);
            case 2 -> 0x300 + random.nextInt(0x70);
            case 3 -> 0xD800 + random.nextInt(0x800);
            case 4 -> 0x1EA0 + random.nextInt(0x5A);
            case 5 -> random.nextInt(0x110000);
            case 6 -> SPECIAL_CHARS.charAt(random.nextInt(SPECIAL_CHARS.length()));
            default -> GRAMMAR_CHARS.charAt(random.nextInt(GRAMMAR_CHARS.length()));
        };
    }
}
