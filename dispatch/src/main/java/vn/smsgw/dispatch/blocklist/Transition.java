package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.Objects;

/**
 * A state change of one entry, applied only if the entry is still in state {@code from}; moving to LISTED or
 * DELISTED appends the matching change-feed event with {@code reason}.
 */
public record Transition(String list, String source, EntryState from, EntryState to, String reason, Instant at) {
    public Transition {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (to == EntryState.CANDIDATE || from == to) {
            throw new IllegalArgumentException("no transition " + from + " -> " + to);
        }
    }

    /** The event this transition appends to the feed. */
    public BlocklistEvent.Kind eventKind() {
        return to == EntryState.LISTED ? BlocklistEvent.Kind.LISTED : BlocklistEvent.Kind.DELISTED;
    }
}
