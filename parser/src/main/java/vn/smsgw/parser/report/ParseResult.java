package vn.smsgw.parser.report;

import java.util.Objects;
import java.util.Optional;

/** The outcome of parsing one message: a {@link Parsed} report or a {@link Rejected} message. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Rejected {

    /** The command, when one was recognised (always for {@link Parsed}). */
    Optional<Command> command();

    /** A message that is a valid report. */
    record Parsed(Report report) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(report, "report");
        }

        @Override
        public Optional<Command> command() {
            return Optional.of(report.command());
        }
    }

    /**
     * A message that is not a valid report. A final class rather than a record: the command is absent exactly when
     * the reason is {@link Rejection#EMPTY_MESSAGE} or {@link Rejection#UNKNOWN_COMMAND}, and a record would have to
     * expose that absence as a null component.
     */
    final class Rejected implements ParseResult {
        private final Rejection reason;
        private final Command command;

        private Rejected(Rejection reason, Command command) {
            this.reason = reason;
            this.command = command;
        }

        /** A rejection without a recognised command ({@code EMPTY_MESSAGE}, {@code UNKNOWN_COMMAND}). */
        public static Rejected of(Rejection reason) {
            if (reason.hasCommand()) {
                throw new IllegalArgumentException(reason + " needs the command");
            }
            return new Rejected(reason, null);
        }

        /** A rejection of a message whose command was recognised. */
        public static Rejected of(Rejection reason, Command command) {
            if (!reason.hasCommand()) {
                throw new IllegalArgumentException(reason + " has no command");
            }
            return new Rejected(reason, Objects.requireNonNull(command, "command"));
        }

        public Rejection reason() {
            return reason;
        }

        @Override
        public Optional<Command> command() {
            return Optional.ofNullable(command);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Rejected r && r.reason == reason && r.command == command;
        }

        @Override
        public int hashCode() {
            return Objects.hash(reason, command);
        }

        @Override
        public String toString() {
            return "Rejected[" + reason + (command == null ? "" : ", " + command) + "]";
        }
    }
}
