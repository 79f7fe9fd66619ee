package vn.smsgw.parser.report;

import java.util.Optional;

/**
 * The lenient-later-number rule for V and LD (domain reference §8 step 6d): the first valid number at a token
 * boundary anywhere in the rest of the message; the content is the text before it, without the source fillers
 * that introduced it ("tu so"), joined to the text after it. Stateless and thread-safe.
 */
final class LaterNumber {

    /*
     * A number may start at "(" or "+" anywhere, and at a digit that does not continue a word or another number
     * (the char before it is neither a letter nor a digit): "ma OTP 123456" is tried and rejected, "abc0912345678"
     * is not tried; a number followed by a letter or digit is not one ("350.000.000đ"), nor is a bare 9-digit national
     * number (an amount, far more often than a number without its 0). Short codes are never accepted here (they are
     * for S only). Each starting position costs at most
     * a constant number of numbering-plan checks (NumberGroups caps a run at 17 digits), so the scan is linear.
     */

    private LaterNumber() {
    }

    /** The report for a V or LD message whose source is not at {@code from}, or MISSING_SOURCE. */
    static ParseResult find(String s, int from, Command command) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            if (isCandidate(s, from, i)) {
                Optional<NumberRun> run = NumberGroups.longestValid(s, i, false);
                if (run.isPresent() && endsToken(s, run.get().end()) && !bareNsn(s, i, run.get().end())) {
                    int before = Fillers.trimTrailingSource(s, from, i);
                    String content = ContentCleaner.join(s, from, before, run.get().end());
                    return Outcomes.parsed(command, run.get().source(), content);
                }
            }
        }
        return Outcomes.rejected(Rejection.MISSING_SOURCE, command);
    }

    /** Whether the number ends a token: "350.000.000đ" (an amount in dong) is no number. */
    private static boolean endsToken(String s, int end) {
        return end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
    }

    /**
     * Whether the run is a bare 9-digit national number, without its trunk 0, 84 or +84: step 7 takes one as a mobile,
     * but anywhere in the text it is far more often an amount ("chuyen 300.000.000 dong", "900.000.000"), and a
     * reporter writing a number in the text writes it whole. Taken for the source, an amount would count against an
     * innocent subscriber; a report whose only number is written so stays MISSING_SOURCE.
     */
    private static boolean bareNsn(String s, int start, int end) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                return false;
            }
            if (Separators.isDigit(c)) {
                digits++;
            }
        }
        return digits == 9;
    }

    private static boolean isCandidate(String s, int from, int i) {
        char c = s.charAt(i);
        if (Separators.isDigit(c)) {
            return i == from || !Character.isLetterOrDigit(s.charAt(i - 1));
        }
        return (c == '(' || c == '+') && NumberGroups.startsGroup(s, i);
    }
}
