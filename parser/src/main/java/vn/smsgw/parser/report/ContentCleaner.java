package vn.smsgw.parser.report;

/**
 * The content of a report (domain reference §8 step 8): leading separators stripped, one enclosing pair of
 * brackets or quotes unwrapped, trimmed; case, diacritics, emoji and inner punctuation kept. Stateless and
 * thread-safe.
 */
final class ContentCleaner {

    private static final String OPENERS = "([\"\u201C\u00AB";
    private static final String CLOSERS = ")]\"\u201D\u00BB";

    private ContentCleaner() {
    }

    /** The cleaned content of {@code s[from, to)}. */
    static String clean(String s, int from, int to) {
        int b = from;
        while (b < to && Separators.isContentLead(s.charAt(b))) {
            b++;
        }
        int e = trimEnd(s, b, to);
        if (encloses(s, b, e)) {
            b = trimStart(s, b + 1, e - 1);
            e = trimEnd(s, b, e - 1);
        }
        return s.substring(b, e);
    }

    /**
     * The cleaned content made of {@code s[from, beforeEnd)} and {@code s[afterStart, length)}, joined by one space
     * when both are non-empty; the separators that start the second part are dropped.
     */
    static String join(String s, int from, int beforeEnd, int afterStart) {
        int n = s.length();
        int a = afterStart;
        while (a < n && Separators.isContentLead(s.charAt(a))) {
            a++;
        }
        if (beforeEnd <= from) {
            return clean(s, a, n);
        }
        if (a >= n) {
            return clean(s, from, beforeEnd);
        }
        String joined = s.substring(from, beforeEnd) + ' ' + s.substring(a);
        return clean(joined, 0, joined.length());
    }

    /** True when {@code s[b, e)} is one bracket or quote pair around everything else. */
    static boolean encloses(String s, int b, int e) {
        if (e - b < 2) {
            return false;
        }
        int kind = OPENERS.indexOf(s.charAt(b));
        if (kind < 0 || s.charAt(e - 1) != CLOSERS.charAt(kind)) {
            return false;
        }
        char open = OPENERS.charAt(kind);
        char close = CLOSERS.charAt(kind);
        return open == close ? s.indexOf(open, b + 1) == e - 1 : closingOf(s, b, e, open, close) == e - 1;
    }

    private static int closingOf(String s, int b, int e, char open, char close) {
        int depth = 0;
        for (int i = b; i < e; i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int trimStart(String s, int b, int e) {
        int i = b;
        while (i < e && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int b, int e) {
        int i = e;
        while (i > b && s.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }
}
