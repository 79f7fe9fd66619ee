package vn.smsgw.parser.report;

/**
 * Alphanumeric senders (domain reference §8 steps 6b and 6c): the shape rules a reported brandname must meet.
 * Stateless and thread-safe.
 */
final class Brandnames {

    /*
     * A sender is ASCII letters, digits and . _ & - (and single spaces when it was typed in brackets, as in
     * "[FE CREDIT]"), with at least one letter, 2 to 11 chars long after trailing . and - are trimmed. The checks run
     * in that order: a token that is not shaped like a sender at all ("Số", an emoji, "...") means the subscriber
     * gave no sender (MISSING_SOURCE), even when it is long; only a well-shaped name over 11 chars is an
     * INVALID_SENDER. The 11-char limit counts inner spaces, as the GSM alphanumeric originator does.
     */

    /** The longest alphanumeric originator GSM and the Vietnamese brandname rules allow. */
    static final int MAX_LENGTH = 11;

    /** What a candidate sender turned out to be. */
    enum Verdict {
        /** A well-formed brandname. */
        NAME,
        /** Shaped like a brandname but longer than {@link #MAX_LENGTH}. */
        TOO_LONG,
        /** Not a brandname at all. */
        NOT_A_NAME
    }

    private Brandnames() {
    }

    /** The end of the sender token at {@code p}: the next space or {@code [ ] ( ) { } + : , ;}, or the end. */
    static int tokenEnd(String s, int p) {
        int n = s.length();
        int i = p;
        while (i < n && !Separators.endsToken(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code s[from, to)} once trailing {@code .}, {@code -} (and spaces, if allowed) are trimmed. */
    static int trimEnd(String s, int from, int to, boolean spaces) {
        int e = to;
        while (e > from && (s.charAt(e - 1) == '.' || s.charAt(e - 1) == '-' || (spaces && s.charAt(e - 1) == ' '))) {
            e--;
        }
        return e;
    }

    /** The verdict on {@code s[from, to)} as a sender; {@code spaces} allows inner spaces (bracketed senders). */
    static Verdict check(String s, int from, int to, boolean spaces) {
        boolean letter = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Separators.isAsciiLetter(c)) {
                letter = true;
            } else if (!isNameChar(c) && !(spaces && c == ' ')) {
                return Verdict.NOT_A_NAME;
            }
        }
        int length = to - from;
        if (!letter || length < 2) {
            return Verdict.NOT_A_NAME;
        }
        return length > MAX_LENGTH ? Verdict.TOO_LONG : Verdict.NAME;
    }

    private static boolean isNameChar(char c) {
        return Separators.isDigit(c) || c == '.' || c == '_' || c == '&' || c == '-';
    }
}
