package vn.smsgw.parser.report;

/** Why a message is not a valid report (domain reference §8, error codes). */
public enum Rejection {
    /** Nothing left after pre-normalisation. */
    EMPTY_MESSAGE,
    /** No S, V or LD at the start. */
    UNKNOWN_COMMAND,
    /** A command, but no usable number or sender. */
    MISSING_SOURCE,
    /** A number was given but is malformed. */
    INVALID_NUMBER,
    /** An alphanumeric sender longer than 11 characters. */
    INVALID_SENDER;

    /** True when the message carried a recognised command. */
    public boolean hasCommand() {
        return this != EMPTY_MESSAGE && this != UNKNOWN_COMMAND;
    }
}
