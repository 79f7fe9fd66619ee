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
     * is not tried. Short codes are never accepted here (they are for S only). Each starting position costs at most
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
                if (run.isPresent()) {
                    int before = Fillers.trimTrailingSource(s, from, i);
                    String content = ContentCleaner.join(s, from, before, run.get().end());
                    return Outcomes.parsed(command, run.get().source(), content);
                }
            }
        }
        return Outcomes.rejected(Rejection.MISSING_SOURCE, command);
    }

    private static boolean isCandidate(String s, int from, int i) {
        char c = s.charAt(i);
        if (Separators.isDigit(c)) {
            return i == from || !Character.isLetterOrDigit(s.charAt(i - 1));
        }
        return (c == '(' || c == '+') && NumberGroups.startsGroup(s, i);
    }
}
