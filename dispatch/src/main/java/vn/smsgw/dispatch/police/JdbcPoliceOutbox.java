package vn.smsgw.dispatch.police;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;

/**
 * The police outbox in table {@code police_outbox} (SQLite or PostgreSQL): each case becomes a PENDING row in the
 * caller's transaction, one batched insert per call; a case id already present is skipped by the unique key. Cases
 * of stored reports keep only a reference to their report row (see {@link OutboxTable}). Thread-safe.
 */
public final class JdbcPoliceOutbox implements PoliceOutbox {
    private final Clock clock;

    public JdbcPoliceOutbox(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@inheritDoc} {@code tx} must come from a {@link vn.smsgw.dispatch.store.Database}. */
    @Override
    public void add(Tx tx, List<PoliceCase> cases) {
        insert(tx, cases, false);
    }

    /** {@inheritDoc} {@code tx} must come from a {@link vn.smsgw.dispatch.store.Database}. */
    @Override
    public void addOfStoredReports(Tx tx, List<PoliceCase> cases) {
        insert(tx, cases, true);
    }

    private void insert(Tx tx, List<PoliceCase> cases, boolean references) {
        if (cases.isEmpty()) {
            return;
        }
        try {
            OutboxTable.insert(tx, cases, clock.millis(), references);
        } catch (SQLException e) {
            throw new StorageException("cannot add " + cases.size() + " police cases to the outbox: "
                    + e.getMessage(), e);
        }
    }
}
