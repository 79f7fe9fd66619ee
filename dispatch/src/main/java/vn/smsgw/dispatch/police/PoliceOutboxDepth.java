package vn.smsgw.dispatch.police;

import java.util.Objects;
import vn.smsgw.dispatch.store.Database;

/**
 * The police outbox as an operator watches it, across every process sharing the database: {@code pending}, the cases
 * not yet delivered (neither confirmed by the broker nor acked by the consumer of the embedded queue), and
 * {@code unrenderable}, the cases set aside because their document cannot be rendered (their report row is gone or
 * incomplete; each was logged as an error when it was set aside), which need an operator: nothing delivers them.
 */
public record PoliceOutboxDepth(long pending, long unrenderable) {

    public PoliceOutboxDepth {
        if (pending < 0 || unrenderable < 0) {
            throw new IllegalArgumentException("negative depth: " + pending + ", " + unrenderable);
        }
    }

    /** Reads the depths now, in one query. */
    public static PoliceOutboxDepth read(Database db) {
        return new OutboxTable(Objects.requireNonNull(db, "db")).depth();
    }
}
