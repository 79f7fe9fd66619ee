package vn.smsgw.parser.report;

/** The punctuation classes of the report grammar (domain reference §8 steps 4, 6c and 8). Stateless. */
final class Separators {

    private static final char EN_DASH = '\u2013';
    private static final char EM_DASH = '\u2014';

    private Separators() {
    }

    /** True for a separator between the command and the source: {@code space + : , . - = > | – —}. */
    static boolean isSeparator(char c) {
        return switch (c) {
            case ' ', '+', ':', ',', '.', '-', '=', '>', '|', EN_DASH, EM_DASH -> true;
            default -> false;
        };
    }

    /**
     * The index of the first char at or after {@code from} that is not a separator; a {@code +} immediately
     * followed by a digit is not skipped, it starts a number.
     */
    static int skip(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && isSeparator(s.charAt(i))) {
            if (s.charAt(i) == '+' && i + 1 < n && isDigit(s.charAt(i + 1))) {
                break;
            }
            i++;
        }
        return i;
    }

    /** True for a char stripped from the start of the content: {@code space + : , . ; - = > | – — ) ]}. */
    static boolean isContentLead(char c) {
        return c == ';' || c == ')' || c == ']' || isSeparator(c);
    }

    /** True for a char that ends an alphanumeric sender token: space and {@code [ ] ( ) { } + : , ;}. */
    static boolean endsToken(char c) {
        return switch (c) {
            case ' ', '[', ']', '(', ')', '{', '}', '+', ':', ',', ';' -> true;
            default -> false;
        };
    }

    /** True for an ASCII digit. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True for an ASCII letter. */
    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
