package vn.smsgw.parser.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Vietnamese diacritic folding ("không dấu", domain reference §4.4): NFC, đ/Đ/Ð to d/D, NFD, combining marks
 * removed. Used for matching (keywords, fraud markers, dedupe keys) and for unaccented campaign text; report content
 * is always stored as received. Stateless and thread-safe.
 */
public final class VietnameseFolding {

    /*
     * Three paths, one definition. The definition is foldByNormalizer (§4.4, Mn meaning Unicode category Mn).
     *
     * 1. ASCII: when every char already folds to itself (fold: below U+0080; foldLower: also no A-Z), the input is
     *    returned as a String without copying or normalizing.
     * 2. Table: every char below U+1F00 that the definition folds, on its own, to one ASCII char (all 134 accented
     *    Vietnamese letters, Latin-1 letters such as ñ, the Ð lookalike) or to nothing (the combining marks
     *    U+0300-U+036F that decomposed input carries) is looked up in a table computed from the definition when the
     *    class loads. Per-char lookup is exact for text made only of such chars: NFD(NFC(x)) = NFD(x), whose bases
     *    are the ASCII letters and whose other chars are all category Mn, so stripping them leaves ASCII, on which
     *    the final NFC is the identity.
     * 3. Anything else (Greek, CJK, emoji, lone surrogates, other marks): the whole text goes through the Normalizer.
     *    Normalizer does not throw on malformed UTF-16; lone surrogates pass through unchanged.
     */

    private static final char UNTABULATED = '\uFFFE';
    private static final char DROPPED = '\uFFFF';
    private static final int TABLE_SIZE = 0x1F00;

    private static final char[] FOLD = table(false);
    private static final char[] FOLD_LOWER = table(true);

    private VietnameseFolding() {
    }

    /** The text with every Vietnamese diacritic removed, case kept: {@code "Sổ liên lạc"} → {@code "So lien lac"}. */
    public static String fold(CharSequence text) {
        return fold(text, FOLD, false);
    }

    /** {@link #fold} then lower case (ROOT), for case-insensitive matching. */
    public static String foldLower(CharSequence text) {
        return fold(text, FOLD_LOWER, true);
    }

    private static String fold(CharSequence text, char[] table, boolean lower) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c >= 0x80 || table[c] != c) {
                break;
            }
            i++;
        }
        if (i == length) {
            return text.toString();
        }
        char[] folded = new char[length];
        for (int k = 0; k < i; k++) {
            folded[k] = text.charAt(k);
        }
        int end = i;
        for (; i < length; i++) {
            char c = text.charAt(i);
            char mapped = c < TABLE_SIZE ? table[c] : UNTABULATED;
            if (mapped == UNTABULATED) {
                String slow = foldByNormalizer(text);
                return lower ? slow.toLowerCase(Locale.ROOT) : slow;
            }
            if (mapped != DROPPED) {
                folded[end++] = mapped;
            }
        }
        return new String(folded, 0, end);
    }

    /** The §4.4 algorithm, verbatim; the definition the tables are computed from. */
    static String foldByNormalizer(CharSequence text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .replace('\u00D0', 'D');
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        int i = 0;
        while (i < decomposed.length()) {
            int codePoint = decomposed.codePointAt(i);
            if (Character.getType(codePoint) != Character.NON_SPACING_MARK) {
                stripped.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return Normalizer.normalize(stripped, Normalizer.Form.NFC);
    }

    private static char[] table(boolean lower) {
        char[] table = new char[TABLE_SIZE];
        Arrays.fill(table, UNTABULATED);
        tabulate(table, 0x0000, 0x0250, lower);
        tabulate(table, 0x0300, 0x0370, lower);
        tabulate(table, 0x1E00, 0x1F00, lower);
        return table;
    }

    private static void tabulate(char[] table, int from, int to, boolean lower) {
        for (int c = from; c < to; c++) {
            String folded = foldByNormalizer(String.valueOf((char) c));
            if (lower) {
                folded = folded.toLowerCase(Locale.ROOT);
            }
            if (folded.isEmpty()) {
                table[c] = DROPPED;
            } else if (folded.length() == 1 && folded.charAt(0) < 0x80) {
                table[c] = folded.charAt(0);
            }
        }
    }
}
