package vn.smsgw.dispatch.police;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.smsgw.dispatch.store.Database;

/**
 * The embedded police queue on table {@code police_outbox}, filled by {@link JdbcPoliceOutbox}. Works on SQLite and
 * on a PostgreSQL shared by several processes: a pull claims rows with {@code FOR UPDATE SKIP LOCKED} and hides them
 * for the visibility timeout, so two processes pulling at once never hand out the same case within it.
 * Thread-safe.
 *
 * <p>{@link #after} pages by outbox id. On PostgreSQL ids are assigned at insert, not at commit, so with concurrent
 * writers a row with a lower id may become visible after a higher one was listed; a consumer that must see every
 * case uses {@link #pull} and {@link #ack}.
 */
public final class JdbcPoliceQueue implements PoliceQueue {
    private final OutboxTable table;
    private final Clock clock;
    private final Duration visibility;

    /** A queue on {@code db}; a pulled case not acked within {@code visibility} is handed out again. */
    public JdbcPoliceQueue(Database db, Clock clock, Duration visibility) {
        this.table = new OutboxTable(Objects.requireNonNull(db, "db"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.visibility = positive(visibility);
    }

    @Override
    public List<PoliceDelivery> pull(int max) {
        long now = clock.millis();
        List<OutboxTable.Claim> claims = table.claim(now, now + visibility.toMillis(), max);
        List<PoliceDelivery> out = new ArrayList<>(claims.size());
        for (OutboxTable.Claim c : claims) {
            out.add(c.delivery());
        }
        return out;
    }

    @Override
    public boolean ack(String caseId) {
        return table.ack(Objects.requireNonNull(caseId, "caseId"), clock.millis());
    }

    @Override
    public List<PoliceDelivery> after(long outboxId, int limit) {
        return table.after(outboxId, limit);
    }

    static Duration positive(Duration d) {
        Objects.requireNonNull(d, "visibility");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("visibility timeout must be positive: " + d);
        }
        return d;
    }
}
