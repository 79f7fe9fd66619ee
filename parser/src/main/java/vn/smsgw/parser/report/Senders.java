package vn.smsgw.parser.report;

import java.util.Optional;

/**
 * Alphanumeric senders as the report grammar takes them, for whoever keys a sender outside a report (an operator's
 * allowlist): the same shape rules, so that a name the parser can report is one an operator can name, and the other
 * way round. Stateless and thread-safe.
 */
public final class Senders {

    private Senders() {
    }

    /**
     * The sender {@code typed} names, as a report of it would carry it: trailing {@code .}, {@code -} and spaces
     * trimmed, then ASCII letters, digits, {@code . _ & -} and inner spaces, at least one letter, 2 to 11 characters;
     * empty when it is no such name.
     */
    public static Optional<String> name(String typed) {
        String s = PreNormaliser.normalise(typed).strip(); // blanks as a report's are (NBSP, runs of spaces)
        int end = Brandnames.trimEnd(s, 0, s.length(), true);
        return Brandnames.check(s, 0, end, true) == Brandnames.Verdict.NAME
                ? Optional.of(s.substring(0, end)) : Optional.empty();
    }
}
