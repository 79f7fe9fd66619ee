package vn.smsgw.parser.report;

import java.util.Objects;
import vn.smsgw.parser.number.Source;

/**
 * A valid report: the command, the reported source and the free-text content (possibly empty, case, diacritics and
 * inner punctuation kept). Immutable.
 */
public record Report(Command command, Source source, String content) {

    public Report {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
    }
}
