package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.Objects;
import vn.smsgw.parser.number.SourceType;

/** One row of a list's export: a LISTED source, its distinct reporters on that list and when it was (last) listed. */
public record ListedEntry(String list, String source, SourceType sourceType, int reporters, Instant listedAt) {
    public ListedEntry {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(listedAt, "listedAt");
        if (reporters < 0) {
            throw new IllegalArgumentException("reporters < 0");
        }
    }
}
