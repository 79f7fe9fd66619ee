package vn.smsgw.parser.report;

import java.util.Optional;

/** The three report commands of 156/5656. */
public enum Command {
    /** Spam SMS ("tin nhắn rác"). */
    S,
    /** Spam voice call ("cuộc gọi rác"). */
    V,
    /** Call with signs of fraud ("lừa đảo"). */
    LD;

    /** The command for a keyword already folded to lower-case ASCII ({@code "s"}, {@code "v"}, {@code "ld"}). */
    public static Optional<Command> fromKeyword(String folded) {
        switch (folded) {
            case "s":
                return Optional.of(S);
            case "v":
                return Optional.of(V);
            case "ld":
                return Optional.of(LD);
            default:
                return Optional.empty();
        }
    }
}
