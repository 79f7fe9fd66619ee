package vn.smsgw.parser.report;

import java.util.Optional;
import vn.smsgw.parser.number.NumberPlan;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;

/**
 * Number groups (domain reference §8 step 6a): runs of groups {@code \(?\+?\d[\d.\-]*\)?} separated by single
 * spaces, and the longest leading run that the numbering plan accepts. Stateless and thread-safe.
 */
final class NumberGroups {

    /*
     * Scanning is by index, without regular expressions. A group that ends in ")" may be followed by the next group
     * directly, as in "(028)3823 4567" or "(+84)912 345 678"; elsewhere groups are separated by exactly one space.
     *
     * No valid number has more than 17 digits ("00" + 15), so a run stops growing before the group that would take
     * it past 17 digits, and a single group of more than 17 digits is not a candidate at all: this bounds the work
     * per starting position by a constant, which keeps the later-number scan of a 100 kB message linear.
     *
     * A short code immediately followed by a letter ("0912xxx678", "9029abc") is not accepted: those digits are the
     * start of a word, not a 3-6 digit code.
     */

    static final int MAX_DIGITS = 17;

    private NumberGroups() {
    }

    /** True when a group starts at {@code p}: an optional {@code (}, an optional {@code +}, then a digit. */
    static boolean startsGroup(String s, int p) {
        int n = s.length();
        int i = p;
        if (i < n && s.charAt(i) == '(') {
            i++;
        }
        if (i < n && s.charAt(i) == '+') {
            i++;
        }
        return i < n && Separators.isDigit(s.charAt(i));
    }

    /** True when a number follows at {@code p}: a group, or a bracket opening on an optional space and a group. */
    static boolean startsNumber(String s, int p) {
        if (startsGroup(s, p)) {
            return true;
        }
        int n = s.length();
        if (p >= n || (s.charAt(p) != '[' && s.charAt(p) != '(')) {
            return false;
        }
        int i = p + 1;
        if (i < n && s.charAt(i) == ' ') {
            i++;
        }
        return startsGroup(s, i);
    }

    /**
     * True when {@code p} starts an alphanumeric word rather than a number: one to four digits, the first not 0,
     * followed by an ASCII letter ({@code 8x77}, {@code 7ELEVEN}).
     */
    static boolean startsWord(String s, int p) {
        int n = s.length();
        if (p >= n || s.charAt(p) < '1' || s.charAt(p) > '9') {
            return false;
        }
        int i = p + 1;
        while (i < n && i - p <= 4 && Separators.isDigit(s.charAt(i))) {
            i++;
        }
        return i - p <= 4 && i < n && Separators.isAsciiLetter(s.charAt(i));
    }

    /**
     * The longest run of groups starting at {@code p} that normalises to a valid number, or empty.
     *
     * @param shortCodes whether a run of a single group may be a short code (S reports)
     */
    static Optional<NumberRun> longestValid(String s, int p, boolean shortCodes) {
        int[] ends = new int[MAX_DIGITS];
        int count = 0;
        int digits = 0;
        int group = p;
        while (group >= 0) {
            int end = groupEnd(s, group, MAX_DIGITS - digits);
            if (end < 0) {
                break;
            }
            digits += digitCount(s, group, end);
            ends[count++] = end;
            group = nextGroup(s, end);
        }
        for (int k = count; k > 0; k--) {
            int end = ends[k - 1];
            Optional<Source> source = NumberPlan.reported(new Span(s, p, end), shortCodes && k == 1);
            if (source.isPresent() && !isGluedShortCode(s, end, source.get())) {
                return Optional.of(new NumberRun(source.get(), end));
            }
        }
        return Optional.empty();
    }

    /** The end of the group at {@code p}, or -1 when there is none or it has more than {@code maxDigits} digits. */
    static int groupEnd(String s, int p, int maxDigits) {
        if (!startsGroup(s, p)) {
            return -1;
        }
        int n = s.length();
        int i = s.charAt(p) == '(' ? p + 1 : p;
        if (s.charAt(i) == '+') {
            i++;
        }
        int digits = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Separators.isDigit(c)) {
                if (++digits > maxDigits) {
                    return -1;
                }
            } else if (c != '.' && c != '-') {
                break;
            }
            i++;
        }
        return i < n && s.charAt(i) == ')' ? i + 1 : i;
    }

    /** The start of the group that continues the run ending at {@code end}, or -1. */
    private static int nextGroup(String s, int end) {
        int n = s.length();
        if (end < n && s.charAt(end) == ' ' && startsGroup(s, end + 1)) {
            return end + 1;
        }
        return s.charAt(end - 1) == ')' && startsGroup(s, end) ? end : -1;
    }

    private static int digitCount(String s, int from, int to) {
        int digits = 0;
        for (int i = from; i < to; i++) {
            if (Separators.isDigit(s.charAt(i))) {
                digits++;
            }
        }
        return digits;
    }

    private static boolean isGluedShortCode(String s, int end, Source source) {
        return source.type() == SourceType.SHORT_CODE && end < s.length() && Character.isLetter(s.charAt(end));
    }
}
