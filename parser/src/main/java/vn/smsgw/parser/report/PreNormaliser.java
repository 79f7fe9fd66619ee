package vn.smsgw.parser.report;

import java.text.Normalizer;

/**
 * Step 1 of the report grammar: the message with blanks unified and collapsed, invisible characters removed,
 * fullwidth digits and plus made ASCII, trimmed, and in NFC. Stateless and thread-safe.
 */
final class PreNormaliser {

    /*
     * The common message is printable ASCII with single spaces, which needs no change at all: isClean recognises it
     * in one pass and the input String is returned as is. Everything else is rebuilt into a char array in one pass
     * (map, drop, collapse, trim), and the Normalizer runs only when a char could change under NFC. Characters below
     * U+0300 (ASCII, Latin-1 and the precomposed Vietnamese letters of Latin Extended-A/B), the precomposed letters
     * of Latin Extended Additional (U+1E00-U+1EFF, the rest of Vietnamese), general punctuation (U+2010-U+205F:
     * curly quotes, dashes, ellipsis) and currency signs (U+20A0-U+20BF, the dong sign) are NFC-stable starters
     * that compose with nothing before them, so a text made of them only is already in NFC; a combining mark or any
     * other character sends the whole text through the Normalizer, which passes lone surrogates through.
     *
     * The mapping runs before NFC rather than after it (the order of domain reference §8 step 1) so that a removed
     * zero-width char between a letter and its combining mark does not keep them apart; the result is the same for
     * every other input because NFC neither produces nor consumes the characters mapped here (its only space-like
     * outputs, U+2002 and U+2003 from U+2000 and U+2001, are blanks on both sides).
     *
     * Beyond the blanks the contract names (NBSP, U+2007, U+202F, tab, CR, LF) every other Unicode space separator
     * and line break is a blank too (VT, FF, NEL, U+1680, U+2000-U+200A, U+2028, U+2029, U+205F, U+3000): a
     * subscriber cannot see the difference. Invisible characters are the zero-width space, joiners and direction
     * marks (U+200B-U+200F), the word joiner and invisible operators (U+2060-U+2064), U+180E, the soft hyphen and
     * the BOM / zero-width no-break space U+FEFF.
     */

    private PreNormaliser() {
    }

    /** The pre-normalised text; empty when nothing but blanks and invisible characters was sent. */
    static String normalise(CharSequence text) {
        if (text instanceof String s && isClean(s)) {
            return s;
        }
        return rebuild(text);
    }

    /** True when {@code s} is printable ASCII without leading, trailing or repeated spaces: nothing to change. */
    static boolean isClean(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c <= ' ' || c >= 0x7F) && (c != ' ' || previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * The most combining marks in a row before a combining grapheme joiner is put between them: the stream-safe text
     * format of UAX #15, which keeps NFC's reordering of marks within runs of this length. The JDK reorders a run by
     * insertion, so a run of thousands of marks of two classes took quadratic time: 16,000 U+0301 then 16,000 U+0323
     * (one message_payload's worth) took 718 and 855 ms in {@code Normalizer.normalize}, cut every 30 marks 4 and 6
     * ms (two runs on the 2-core reference machine). No text needs more than a few marks on a letter.
     */
    static final int MAX_MARKS = 30;
    private static final char COMBINING_GRAPHEME_JOINER = '\u034F';

    private static String rebuild(CharSequence text) {
        int n = text.length();
        char[] out = new char[n + n / MAX_MARKS + 1];
        int length = 0;
        boolean blank = false;
        boolean nfc = false;
        int marks = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                blank = length > 0;
                marks = 0;
            } else if (!isInvisible(c)) {
                if (blank) {
                    out[length++] = ' ';
                    blank = false;
                }
                char mapped = ascii(c);
                boolean unstable = mayChangeUnderNfc(mapped);
                nfc |= unstable;
                // marks are never NFC-stable, so the common Vietnamese letter is not looked up; a joiner is a mark of
                // class 0 that ends a run (and keeps this idempotent)
                if (unstable && mapped != COMBINING_GRAPHEME_JOINER && isMark(mapped)) {
                    if (++marks > MAX_MARKS) {
                        out[length++] = COMBINING_GRAPHEME_JOINER;
                        marks = 1;
                    }
                } else {
                    marks = 0;
                }
                out[length++] = mapped;
            }
        }
        String rebuilt = new String(out, 0, length);
        return nfc ? Normalizer.normalize(rebuilt, Normalizer.Form.NFC) : rebuilt;
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** True for the characters that become a space. */
    static boolean isBlank(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < 0x2000) {
            return c == 0x85 || c == 0xA0 || c == 0x1680;
        }
        return c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** True for the characters that are removed. */
    static boolean isInvisible(char c) {
        return (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x180E
                || c == 0xAD;
    }

    private static char ascii(char c) {
        if (c >= 0xFF10 && c <= 0xFF19) {
            return (char) ('0' + (c - 0xFF10));
        }
        return c == 0xFF0B ? '+' : c;
    }

    private static boolean mayChangeUnderNfc(char c) {
        return c >= 0x300
                && !(c >= 0x1E00 && c <= 0x1EFF)
                && !(c >= 0x2010 && c <= 0x205F)
                && !(c >= 0x20A0 && c <= 0x20BF);
    }
}
