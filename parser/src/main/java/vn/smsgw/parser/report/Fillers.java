package vn.smsgw.parser.report;

/**
 * The lenient filler words of the report grammar, matched case- and diacritic-insensitively: the leading filler
 * before the command (domain reference §8 step 2) and the source filler before a number (step 5, and the trailing
 * filler of step 6d). Stateless and thread-safe.
 */
final class Fillers {

    /*
     * Within each list a longer phrase comes before any phrase that is its prefix, so the first match is the
     * longest. Source fillers may follow one another ("tu so dien thoai" is "tu" then "so dien thoai", "thue bao so"
     * is "thue bao" then "so"), up to MAX_CHAIN of them; they are skipped only when a number follows the last one,
     * which the search tries every way of splitting the words to find. A filler must end at a word boundary (not
     * before a letter), so "so" never matches the start of "soan".
     */

    private static final String[] LEADING = {
        "toi muon bao cao", "toi muon phan anh", "toi xin phan anh", "xin phan anh", "bao cao", "phan anh",
        "to cao", "cu phap", "report",
    };
    private static final String LEADING_INITIALS = "txbpcr";

    private static final String[] SOURCE = {
        "so dien thoai", "nguon phat tan", "thue bao", "tu so", "so dt", "sdt", "so", "dt", "tb", "tu", "nguon",
    };
    private static final String SOURCE_INITIALS = "sntd";
    private static final int MAX_CHAIN = 4;

    private Fillers() {
    }

    /** The index after a leading filler and the {@code space : , . -} that follow it, or 0 when there is none. */
    static int skipLeading(String s) {
        if (s.isEmpty() || LEADING_INITIALS.indexOf(FoldedText.fold(s.charAt(0))) < 0) {
            return 0;
        }
        int n = s.length();
        for (String phrase : LEADING) {
            int end = FoldedText.matchAt(s, 0, phrase);
            if (end >= 0 && (end == n || endsLeading(s.charAt(end)))) {
                while (end < n && endsLeading(s.charAt(end))) {
                    end++;
                }
                return end;
            }
        }
        return 0;
    }

    /** Where the number starts when source fillers at {@code p} are followed by one, else {@code p}. */
    static int skipSource(String s, int p) {
        int number = numberAfterFillers(s, p, 0);
        return number >= 0 ? number : p;
    }

    /**
     * The end of {@code s[floor, end)} without its trailing separators and source fillers ("lua dao tu so" gives
     * "lua dao"); a filler is removed only when it is a whole word.
     */
    static int trimTrailingSource(String s, int floor, int end) {
        int e = end;
        boolean removed = true;
        while (removed) {
            while (e > floor && isTrailingJunk(s.charAt(e - 1))) {
                e--;
            }
            removed = false;
            for (String phrase : SOURCE) {
                int start = FoldedText.matchBefore(s, floor, e, phrase);
                if (start >= 0 && (start == floor || !Character.isLetterOrDigit(s.charAt(start - 1)))) {
                    e = start;
                    removed = true;
                    break;
                }
            }
        }
        return e;
    }

    private static int numberAfterFillers(String s, int p, int depth) {
        if (NumberGroups.startsNumber(s, p)) {
            return p;
        }
        if (depth == MAX_CHAIN || p >= s.length() || SOURCE_INITIALS.indexOf(FoldedText.fold(s.charAt(p))) < 0) {
            return -1;
        }
        for (String phrase : SOURCE) {
            int end = sourceFillerEnd(s, p, phrase);
            if (end >= 0) {
                int number = numberAfterFillers(s, Separators.skip(s, end), depth + 1);
                if (number >= 0) {
                    return number;
                }
            }
        }
        return -1;
    }

    private static int sourceFillerEnd(String s, int p, String phrase) {
        int end = FoldedText.matchAt(s, p, phrase);
        if (end < 0 || (end < s.length() && Character.isLetter(s.charAt(end)))) {
            return -1;
        }
        return end;
    }

    private static boolean endsLeading(char c) {
        return c == ' ' || c == ':' || c == ',' || c == '.' || c == '-';
    }

    private static boolean isTrailingJunk(char c) {
        return c == ';' || Separators.isSeparator(c);
    }
}
