package vn.smsgw.parser.report;

import vn.smsgw.parser.text.VietnameseFolding;

/**
 * Case- and diacritic-insensitive matching of lower-case ASCII keywords ({@code "so dien thoai"}) against
 * pre-normalised message text, char by char, so that a match is a range of the original text. Stateless and
 * thread-safe.
 */
final class FoldedText {

    /*
     * Each char below U+1F00 is folded on its own with VietnameseFolding.foldLower when the class loads: a
     * precomposed Vietnamese letter ("ố", "Đ") becomes one ASCII letter, a combining mark becomes MARK, and a char
     * that does not fold to a single char keeps itself (and so never equals a keyword letter). Text is in NFC, so a
     * Vietnamese letter is one char; combining marks that survive NFC are skipped after a matched letter, which
     * keeps decomposed leftovers such as "s" + U+0323 matching "s".
     */

    /** What a combining mark folds to: a char that is never part of a keyword. */
    static final char MARK = '\uFFFF';

    private static final char[] TABLE = table();

    private FoldedText() {
    }

    /** The lower-case, diacritic-free form of {@code c}, {@link #MARK} for a combining mark, else {@code c}. */
    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (c < TABLE.length) {
            return TABLE[c];
        }
        return Character.getType(c) == Character.NON_SPACING_MARK ? MARK : c;
    }

    /**
     * The index just past {@code word} when the text at {@code from} folds to it (combining marks after its letters
     * included), or -1.
     */
    static int matchAt(String s, int from, String word) {
        int n = s.length();
        int i = from;
        int j = 0;
        while (j < word.length()) {
            if (i >= n) {
                return -1;
            }
            char folded = fold(s.charAt(i));
            if (folded == MARK && j > 0) {
                i++;
                continue;
            }
            if (folded != word.charAt(j)) {
                return -1;
            }
            i++;
            j++;
        }
        while (i < n && fold(s.charAt(i)) == MARK) {
            i++;
        }
        return i;
    }

    /**
     * The index where {@code word} starts when the text just before {@code end}, and not before {@code floor},
     * folds to it (combining marks after its letters included), or -1.
     */
    static int matchBefore(String s, int floor, int end, String word) {
        int i = end;
        int j = word.length();
        while (j > 0) {
            if (i <= floor) {
                return -1;
            }
            char folded = fold(s.charAt(i - 1));
            if (folded == MARK) {
                i--;
                continue;
            }
            if (folded != word.charAt(j - 1)) {
                return -1;
            }
            i--;
            j--;
        }
        return i;
    }

    private static char[] table() {
        char[] table = new char[0x1F00];
        for (int c = 0; c < table.length; c++) {
            String folded = VietnameseFolding.foldLower(String.valueOf((char) c));
            if (folded.isEmpty()) {
                table[c] = MARK;
            } else {
                table[c] = folded.length() == 1 ? folded.charAt(0) : (char) c;
            }
        }
        return table;
    }
}
