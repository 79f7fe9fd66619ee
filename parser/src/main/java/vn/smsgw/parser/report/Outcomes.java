package vn.smsgw.parser.report;

import vn.smsgw.parser.number.Source;

/** The results the parser hands out; rejections are shared immutable instances. Thread-safe. */
final class Outcomes {

    /** The result for a message that is empty after pre-normalisation. */
    static final ParseResult EMPTY = ParseResult.Rejected.of(Rejection.EMPTY_MESSAGE);

    /** The result for a message that does not start with S, V or LD. */
    static final ParseResult UNKNOWN = ParseResult.Rejected.of(Rejection.UNKNOWN_COMMAND);

    private static final ParseResult[][] WITH_COMMAND = withCommand();

    private Outcomes() {
    }

    /** The rejection of a message whose command was recognised; {@code reason} must be one that carries it. */
    static ParseResult rejected(Rejection reason, Command command) {
        return WITH_COMMAND[reason.ordinal()][command.ordinal()];
    }

    /** A valid report. */
    static ParseResult parsed(Command command, Source source, String content) {
        return new ParseResult.Parsed(new Report(command, source, content));
    }

    private static ParseResult[][] withCommand() {
        Rejection[] reasons = Rejection.values();
        Command[] commands = Command.values();
        ParseResult[][] table = new ParseResult[reasons.length][commands.length];
        for (Rejection reason : reasons) {
            for (Command command : commands) {
                table[reason.ordinal()][command.ordinal()] = reason.hasCommand()
                        ? ParseResult.Rejected.of(reason, command)
                        : ParseResult.Rejected.of(reason);
            }
        }
        return table;
    }
}
