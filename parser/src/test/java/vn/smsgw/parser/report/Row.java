package vn.smsgw.parser.report;

import java.util.Objects;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;

/** One row of the grammar table: a message and the complete result expected for it. */
record Row(String input, ParseResult expected) {

    Row {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(expected, "expected");
    }

    /** A message that parses to a report. */
    static Row row(String input, Command command, String source, SourceType type, Carrier carrier, String content) {
        return new Row(input, new ParseResult.Parsed(new Report(command, new Source(source, type, carrier), content)));
    }

    /** A message rejected after its command was recognised. */
    static Row rejected(String input, Command command, Rejection reason) {
        return new Row(input, ParseResult.Rejected.of(reason, command));
    }

    /** A message rejected before any command was recognised (EMPTY_MESSAGE, UNKNOWN_COMMAND). */
    static Row rejected(String input, Rejection reason) {
        return new Row(input, ParseResult.Rejected.of(reason));
    }

    /** True when the row expects a report. */
    boolean isParsed() {
        return expected instanceof ParseResult.Parsed;
    }

    /** The input with invisible and control characters shown as escapes, for test names. */
    @Override
    public String toString() {
        return escaped(input);
    }

    /** {@code text} with invisible, control and surrogate characters shown as Java escapes. */
    static String escaped(String text) {
        StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> {
            if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || Character.getType(c) == Character.FORMAT
                    || Character.isSpaceChar(c) && c != ' ' || Character.isSurrogate((char) c)) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
    }
}
