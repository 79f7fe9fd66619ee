package vn.smsgw.parser.report;

import java.util.Optional;
import vn.smsgw.parser.number.NumberPlan;
import vn.smsgw.parser.number.Source;

/**
 * Everything after the command (domain reference §8 steps 4 to 8): separators, source filler, the source tried as
 * number groups, bracketed source, sender token (S) or later number (V, LD), then the content. Stateless and
 * thread-safe.
 */
final class SourceScanner {

    /*
     * The order of step 6 is kept exactly, with two refinements for S. First, one to four digits glued to a letter
     * ("8x77", "7ELEVEN") start a sender token, not number groups; a longer or 0-led digit run glued to letters
     * ("0912xxx678") is still a malformed number. Second, an opening bracket without its closing bracket is read as
     * if it were not there ("S [VCB ..." reports the sender VCB). For V and LD, a bracket holding text rather than a
     * number falls through to the later-number rule, which scans from the bracket on.
     */

    private SourceScanner() {
    }

    /** The result for the text after a recognised command, which ends at {@code from}. */
    static ParseResult scan(String s, int from, Command command) {
        int p = Fillers.skipSource(s, Separators.skip(s, from));
        boolean group = NumberGroups.startsGroup(s, p);
        boolean bracket = p < s.length() && (s.charAt(p) == '[' || s.charAt(p) == '(');
        if (command == Command.S) {
            // "(0912...)" opens number groups; "(7ELEVEN)" a sender in brackets, as "[7ELEVEN]" does
            return bracket && !(group && !NumberGroups.startsWord(s, p + 1)) ? bracketed(s, p, command)
                    : senderOrNumber(s, p);
        }
        if (group) {
            return numberGroups(s, p, command);
        }
        return bracket ? bracketed(s, p, command) : LaterNumber.find(s, p, command);
    }

    /**
     * For S at {@code p}, where no bracket opens: number groups, unless digits glued to letters start a sender token
     * there ("7ELEVEN"); a sender token otherwise.
     */
    private static ParseResult senderOrNumber(String s, int p) {
        return NumberGroups.startsGroup(s, p) && !NumberGroups.startsWord(s, p) ? numberGroups(s, p, Command.S)
                : senderToken(s, p);
    }

    private static ParseResult numberGroups(String s, int p, Command command) {
        Optional<NumberRun> run = NumberGroups.longestValid(s, p, command == Command.S);
        if (run.isEmpty()) {
            return Outcomes.rejected(Rejection.INVALID_NUMBER, command);
        }
        return Outcomes.parsed(command, run.get().source(), ContentCleaner.clean(s, run.get().end(), s.length()));
    }

    private static ParseResult bracketed(String s, int p, Command command) {
        int close = closing(s, p);
        if (close < 0) { // read as if the bracket were not there ("S [0912345678 [x]", "S [VCB ...")
            int next = skipSpace(s, p + 1);
            return command == Command.S ? senderOrNumber(s, next) : LaterNumber.find(s, next, command);
        }
        int b = skipSpace(s, p + 1);
        int e = close;
        while (e > b && s.charAt(e - 1) == ' ') {
            e--;
        }
        if (isNumberText(s, b, e)) {
            boolean singleGroup = s.lastIndexOf(' ', e - 1) < b;
            Optional<Source> source = NumberPlan.reported(new Span(s, b, e), command == Command.S && singleGroup);
            return source.isPresent()
                    ? Outcomes.parsed(command, source.get(), ContentCleaner.clean(s, close + 1, s.length()))
                    : Outcomes.rejected(Rejection.INVALID_NUMBER, command);
        }
        if (command != Command.S) {
            return LaterNumber.find(s, p, command);
        }
        return sender(s, b, Brandnames.trimEnd(s, b, e, true), close + 1, true);
    }

    private static ParseResult senderToken(String s, int p) {
        int end = Brandnames.tokenEnd(s, p);
        return sender(s, p, Brandnames.trimEnd(s, p, end, false), Brandnames.trimEnd(s, p, end, false), false);
    }

    private static ParseResult sender(String s, int from, int to, int contentFrom, boolean spaces) {
        return switch (Brandnames.check(s, from, to, spaces)) {
            case NAME -> Outcomes.parsed(Command.S, Source.brandname(s.substring(from, to)),
                    ContentCleaner.clean(s, contentFrom, s.length()));
            case TOO_LONG -> Outcomes.rejected(Rejection.INVALID_SENDER, Command.S);
            case NOT_A_NAME -> Outcomes.rejected(Rejection.MISSING_SOURCE, Command.S);
        };
    }

    /** The index of the bracket that closes the one at {@code p}, counting nested pairs of the same kind, or -1. */
    static int closing(String s, int p) {
        char open = s.charAt(p);
        char close = open == '[' ? ']' : ')';
        int depth = 0;
        for (int i = p, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code s[b, e)} holds a digit and otherwise only {@code space . - + ( )}. */
    static boolean isNumberText(String s, int b, int e) {
        boolean digit = false;
        for (int i = b; i < e; i++) {
            char c = s.charAt(i);
            if (Separators.isDigit(c)) {
                digit = true;
            } else if (c != ' ' && c != '.' && c != '-' && c != '+' && c != '(' && c != ')') {
                return false;
            }
        }
        return digit;
    }

    private static int skipSpace(String s, int p) {
        return p < s.length() && s.charAt(p) == ' ' ? p + 1 : p;
    }
}
