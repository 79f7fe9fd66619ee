package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.Objects;
import vn.smsgw.parser.number.SourceType;

/**
 * One change-feed event: {@code source} was listed or delisted on {@code list}. {@code seq} orders the feed (a
 * consumer asks for the events after the last seq it has seen) and is the message id on RabbitMQ.
 */
public record BlocklistEvent(long seq, String list, String source, SourceType sourceType, Kind kind, String reason,
                             Instant at) {

    /** What happened to the entry. */
    public enum Kind {
        LISTED,
        DELISTED
    }

    public BlocklistEvent {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1: " + seq);
        }
    }
}
