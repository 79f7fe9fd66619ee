package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.police.PoliceOutboxDepth;
import vn.smsgw.dispatch.police.PoliceRelay;
import vn.smsgw.dispatch.police.PoliceRelaySettings;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;

/** The police outbox gauges: read at most once a second, the last values kept when a read fails. */
class PoliceMetricsTest {
    private final Deque<Object> answers = new ArrayDeque<>();
    private int reads;
    private long now = 5_000_000_000L;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private PoliceOutboxDepth next() {
        reads++;
        Object a = answers.remove();
        if (a instanceof StorageException e) {
            throw e;
        }
        return (PoliceOutboxDepth) a;
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void gauges_readAtMostOnceASecondAndKeepTheLastValuesWhenAReadFails() {
        new PoliceMetrics(this::next, Optional.empty(), () -> now).bindTo(registry);
        System.gc(); // the registry alone holds the binder, as in the gateway
        answers.add(new PoliceOutboxDepth(7, 2));
        answers.add(new StorageException("database is locked", null));
        answers.add(new PoliceOutboxDepth(3, 2));

        assertEquals(7.0, gauge("smsgw.police.outbox.pending"));
        assertEquals(2.0, gauge("smsgw.police.outbox.unrenderable"));
        now += 999_000_000L;
        assertEquals(7.0, gauge("smsgw.police.outbox.pending"));
        assertEquals(1, reads, "both gauges and a second look within the second: one read");

        now += 1_000_000L;
        assertEquals(7.0, gauge("smsgw.police.outbox.pending"), "the failed read keeps the last values");
        now += 1_000_000_000L;
        assertEquals(3.0, gauge("smsgw.police.outbox.pending"));
        assertEquals(3, reads);
        assertEquals(0, registry.find("smsgw.police.published").meters().size(), "no relay, no relay counters");
    }

    @Test
    void gauges_beforeAnyReadSucceeded_areNaNNotZero() {
        new PoliceMetrics(this::next, Optional.empty(), () -> now).bindTo(registry);
        answers.add(new StorageException("database is locked", null));

        assertTrue(Double.isNaN(gauge("smsgw.police.outbox.unrenderable")), "no reassuring 0 for an unread store");
    }

    @Test
    void withARelay_countsWhatItPublishedAndWhatFailed(@TempDir Path dir) {
        try (Database db = Database.open(DatabaseConfig.sqlite(dir))) {
            boolean[] up = {false};
            List<String> confirmed = new ArrayList<>();
            PoliceRelay relay = new PoliceRelay(db, batch -> {
                if (!up[0]) {
                    throw new IOException("Connection refused");
                }
                batch.forEach(d -> confirmed.add(d.caseId()));
            }, PoliceRelaySettings.defaults(), Clock.systemUTC());
            new PoliceMetrics(() -> PoliceOutboxDepth.read(db), Optional.of(relay), () -> now).bindTo(registry);
            for (String caseId : List.of("AAAA2222", "BBBB3333", "CCCC4444")) {
                addCase(db, caseId);
            }

            relay.relayOnce(); // three cases fail
            up[0] = true;
            addCase(db, "DDDD5555");
            relay.relayOnce(); // the new case goes; the failed ones wait for their backoff

            assertEquals(List.of("DDDD5555"), confirmed);
            assertEquals(1.0, registry.get("smsgw.police.published").functionCounter().count());
            assertEquals(3.0, registry.get("smsgw.police.publish.failures").functionCounter().count());
            assertEquals(3.0, gauge("smsgw.police.outbox.pending"), "the failed cases are still to be delivered");
        }
    }

    /** A police case with its document, as a process writes one for a case that has no report row. */
    private static void addCase(Database db, String caseId) {
        db.inTransaction(tx -> {
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement("INSERT INTO police_outbox "
                    + "(report_id, case_id, payload, created_at, state, attempts, next_attempt_at) "
                    + "VALUES (?, ?, ?, 0, 'PENDING', 0, 0)")) {
                ps.setLong(1, caseId.hashCode());
                ps.setString(2, caseId);
                ps.setString(3, "{\"schemaVersion\":1,\"caseId\":\"" + caseId + "\"}");
                ps.executeUpdate();
            }
            return null;
        });
    }
}
