package vn.smsgw.dispatch.blocklist;

import java.util.Objects;
import vn.smsgw.parser.number.SourceType;

/**
 * A source's entry on one list: its state and how many distinct reporters reported it on that list (all time).
 * Carries no reporter data.
 */
public record BlocklistEntry(String list, String source, SourceType sourceType, EntryState state, int reporters) {
    public BlocklistEntry {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(state, "state");
        if (reporters < 0) {
            throw new IllegalArgumentException("reporters < 0");
        }
    }
}
