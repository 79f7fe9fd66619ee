package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.Objects;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.report.Command;

/**
 * One reporter's report against a source, to be counted on a list. {@code list} is a {@link BlocklistName} value;
 * {@code reporterHash} is a keyed hash of the reporter's number (the number itself never reaches the blocklist).
 */
public record Vote(String list, Source source, Command command, String reporterHash, Instant at) {
    public Vote {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reporterHash, "reporterHash");
        Objects.requireNonNull(at, "at");
    }
}
