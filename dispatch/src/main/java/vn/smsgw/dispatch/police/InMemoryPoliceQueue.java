package vn.smsgw.dispatch.police;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The police queue and its outbox in memory, for tests and demos: nothing survives the process, and
 * {@link #outbox()} applies cases at once, ignoring the transaction (it cannot roll back with it). Same semantics as
 * {@link JdbcPoliceQueue} otherwise. Thread-safe.
 */
public final class InMemoryPoliceQueue implements PoliceQueue {
    private final Clock clock;
    private final long visibilityMillis;
    private final TreeMap<Long, Row> rows = new TreeMap<>();
    private final Map<String, Row> byCaseId = new HashMap<>();
    private long lastId;

    /** An empty queue; a pulled case not acked within {@code visibility} is handed out again. */
    public InMemoryPoliceQueue(Clock clock, Duration visibility) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.visibilityMillis = JdbcPoliceQueue.positive(visibility).toMillis();
    }

    private static final class Row {
        final PoliceDelivery delivery;
        long hiddenUntil;
        boolean acked;

        Row(PoliceDelivery delivery, long hiddenUntil) {
            this.delivery = delivery;
            this.hiddenUntil = hiddenUntil;
        }
    }

    /** The outbox that fills this queue. */
    public PoliceOutbox outbox() {
        return (tx, cases) -> {
            Objects.requireNonNull(tx, "tx");
            add(cases);
        };
    }

    private synchronized void add(List<PoliceCase> cases) {
        long now = clock.millis();
        for (PoliceCase pc : cases) {
            if (byCaseId.containsKey(pc.caseId())) {
                continue;
            }
            Row row = new Row(new PoliceDelivery(++lastId, pc.caseId(), PoliceCaseJson.write(pc)), now);
            rows.put(row.delivery.outboxId(), row);
            byCaseId.put(pc.caseId(), row);
        }
    }

    @Override
    public synchronized List<PoliceDelivery> pull(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1: " + max);
        }
        long now = clock.millis();
        List<PoliceDelivery> out = new ArrayList<>();
        for (Row row : rows.values()) {
            if (out.size() == max) {
                break;
            }
            if (!row.acked && row.hiddenUntil <= now) {
                row.hiddenUntil = now + visibilityMillis;
                out.add(row.delivery);
            }
        }
        return out;
    }

    @Override
    public synchronized boolean ack(String caseId) {
        Row row = byCaseId.get(Objects.requireNonNull(caseId, "caseId"));
        if (row == null) {
            return false;
        }
        row.acked = true;
        return true;
    }

    @Override
    public synchronized List<PoliceDelivery> after(long outboxId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        List<PoliceDelivery> out = new ArrayList<>();
        for (Row row : rows.tailMap(outboxId, false).values()) {
            if (out.size() == limit) {
                break;
            }
            out.add(row.delivery);
        }
        return out;
    }
}
