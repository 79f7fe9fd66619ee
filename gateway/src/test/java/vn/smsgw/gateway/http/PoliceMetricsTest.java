package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.police.PoliceOutboxDepth;
import vn.smsgw.dispatch.police.PoliceRelay;
import vn.smsgw.dispatch.police.PoliceRelaySettings;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;
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
    void withARelay_countsWhatItPublishedAndFailed(@TempDir Path dir) {
        try (Database db = Database.open(DatabaseConfig.sqlite(dir))) {
            PoliceRelay relay = new PoliceRelay(db, batch -> {
                throw new IOException("Connection refused");
            }, PoliceRelaySettings.defaults(), Clock.systemUTC());
            new PoliceMetrics(() -> new PoliceOutboxDepth(0, 0), Optional.of(relay), () -> now).bindTo(registry);

            assertEquals(0.0, registry.get("smsgw.police.published").functionCounter().count());
            assertEquals(0.0, registry.get("smsgw.police.publish.failures").functionCounter().count());
        }
    }
}
