package vn.smsgw.dispatch.police;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.TestServices;

/** The relay's bookkeeping on SQLite, against a broker stand-in and a fake clock. */
class PoliceRelayTest {
    private static final PoliceRelaySettings SETTINGS = new PoliceRelaySettings(3, Duration.ofMillis(100),
            Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(8));

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T03:00:00Z"));
    private final RecordingPublisher broker = new RecordingPublisher();
    private Database db;
    private PoliceRelay relay;

    @BeforeEach
    void open() {
        db = TestServices.sqlite(dir);
        relay = new PoliceRelay(db, broker, SETTINGS, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void add(String... caseIds) {
        List<PoliceCase> cases = new ArrayList<>();
        for (String id : caseIds) {
            cases.add(PoliceCases.sample(id));
        }
        db.inTransaction(tx -> {
            new JdbcPoliceOutbox(clock).add(tx, cases);
            return null;
        });
    }

    private String state(String caseId) {
        return db.inTransaction(tx -> {
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                    "SELECT state, attempts FROM police_outbox WHERE case_id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1) + "/" + rs.getInt(2);
                }
            }
        });
    }

    @Test
    void run_publisherThrowsAnError_theRelayGoesOnAndPublishesOnItsNextRound() throws Exception {
        add(PoliceCases.id(1));
        boolean[] thrown = {false};
        PolicePublisher once = batch -> {
            if (!thrown[0]) {
                thrown[0] = true;
                throw new LinkageError("a class the client could not load");
            }
            broker.publish(batch);
        };
        PoliceRelay running = new PoliceRelay(db, once, new PoliceRelaySettings(3, Duration.ofMillis(10),
                Duration.ofSeconds(30), Duration.ofMillis(10), Duration.ofMillis(50)), clock);

        running.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean leaseOver = false;
            while (broker.caseIds().isEmpty() && System.nanoTime() < deadline) {
                if (thrown[0] && !leaseOver) {
                    clock.advance(Duration.ofSeconds(31)); // the failed round's claim holds the case for its lease
                    leaseOver = true;
                }
                Thread.sleep(10);
            }
        } finally {
            running.stop();
        }

        assertEquals(true, thrown[0]);
        assertEquals(List.of(PoliceCases.id(1)), broker.caseIds(),
                "published after the round that failed with an Error");
    }

    @Test
    void stop_roundHeldByTheBroker_returnsAfterTheWaitAndTheRoundEndsOnItsOwn() throws Exception {
        add(PoliceCases.id(1));
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch confirm = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        PolicePublisher held = batch -> { // a wait for confirms that the broker holds
            publishing.countDown();
            try {
                confirm.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new IOException("interrupted waiting for confirms", e);
            }
            broker.publish(batch);
        };
        PoliceRelay running = new PoliceRelay(db, held, SETTINGS, clock);
        running.start();
        assertTrue(publishing.await(10, TimeUnit.SECONDS), "the round reached the broker");

        long t0 = System.nanoTime();
        boolean ended = running.stop(Duration.ofMillis(300));
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;

        assertFalse(ended, "the round still waits for its confirm");
        assertTrue(tookMillis >= 300 && tookMillis < 5_000, tookMillis + " ms");
        confirm.countDown();
        assertTrue(running.stop(Duration.ofSeconds(10)), "the round ended once confirmed");
        assertFalse(interrupted.get(), "never interrupted");
        assertEquals("SENT/1", state(PoliceCases.id(1)), "recorded as sent by the round left behind");
    }

    @Test
    void relayOnce_caseWhoseReportRowIsGone_isSetAsideAndTheCasesBehindItArePublished() {
        add(PoliceCases.id(1));
        PoliceCases.addWithoutReport(db, PoliceCases.id(2));
        add(PoliceCases.id(3));

        assertEquals(2, relay.relayOnce());

        assertEquals(List.of(PoliceCases.id(1), PoliceCases.id(3)), broker.caseIds());
        assertEquals("UNRENDERABLE/1", state(PoliceCases.id(2)), "set aside, not failing every round");
        assertEquals(0, relay.relayOnce(), "nothing left to claim");
        assertEquals(new PoliceOutboxDepth(0, 1), PoliceOutboxDepth.read(db), "the set-aside case is counted apart");
    }

    @Test
    void after_pageWhoseRowsCannotBeRendered_scansPastThemToTheNextCase() {
        db.inTransaction(tx -> {
            for (int i = 1; i <= 2; i++) {
                try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement("INSERT INTO police_outbox "
                        + "(report_id, case_id, payload, created_at, state, attempts, next_attempt_at) "
                        + "VALUES (?, ?, NULL, 0, 'PENDING', 0, 0)")) {
                    ps.setLong(1, 999_990 + i);
                    ps.setString(2, PoliceCases.id(i));
                    ps.executeUpdate();
                }
            }
            return null;
        });
        add(PoliceCases.id(3));

        List<PoliceDelivery> page = new OutboxTable(db).after(0, 1);

        assertEquals(List.of(PoliceCases.id(3)), page.stream().map(PoliceDelivery::caseId).toList(),
                "a page of one is not left empty by the two rows before it");
    }

    @Test
    void relayOnce_brokerUp_publishesOneBatchOldestFirstAndMarksItSent() {
        add(PoliceCases.id(1), PoliceCases.id(2), PoliceCases.id(3), PoliceCases.id(4));
        assertEquals(3, relay.relayOnce());
        assertEquals(List.of(PoliceCases.id(1), PoliceCases.id(2), PoliceCases.id(3)), broker.caseIds());
        assertEquals("SENT/1", state(PoliceCases.id(1)));
        assertEquals("PENDING/0", state(PoliceCases.id(4)));
        assertEquals(1, relay.pendingDepth());
        assertEquals(3, relay.published());
    }

    @Test
    void relayOnce_sentCases_areNotPublishedAgain() {
        add(PoliceCases.id(1));
        relay.relayOnce();
        clock.advance(Duration.ofHours(1));
        assertEquals(0, relay.relayOnce());
        assertEquals(List.of(PoliceCases.id(1)), broker.caseIds());
    }

    @Test
    void relayOnce_brokerDown_leavesCasesPendingWithAttemptCounted() {
        add(PoliceCases.id(1), PoliceCases.id(2));
        broker.down = true;
        assertEquals(0, relay.relayOnce());
        assertEquals("PENDING/1", state(PoliceCases.id(1)));
        assertEquals(2, relay.pendingDepth());
        assertEquals(2, relay.failedAttempts());
    }

    @Test
    void relayOnce_afterFailureBeforeBackoff_doesNotRetry() {
        add(PoliceCases.id(1));
        broker.down = true;
        relay.relayOnce();
        broker.down = false;
        clock.advance(Duration.ofMillis(499));
        assertEquals(0, relay.relayOnce());
        assertEquals(List.of(), broker.caseIds());
    }

    @Test
    void relayOnce_afterFailureAndBackoff_publishes() {
        add(PoliceCases.id(1));
        broker.down = true;
        relay.relayOnce();
        broker.down = false;
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, relay.relayOnce());
        assertEquals("SENT/2", state(PoliceCases.id(1)));
    }

    @Test
    void relayOnce_repeatedFailures_backOffUpToTheCap() {
        add(PoliceCases.id(1));
        broker.down = true;
        for (int i = 0; i < 10; i++) {
            relay.relayOnce();
            clock.advance(Duration.ofSeconds(8));
        }
        assertEquals("PENDING/10", state(PoliceCases.id(1)));
        broker.down = false;
        assertEquals(1, relay.relayOnce());
    }

    @Test
    void relayOnce_claimedByAnotherRelay_isLeftAloneUntilTheLeaseEnds() {
        add(PoliceCases.id(1));
        RecordingPublisher otherBroker = new RecordingPublisher();
        PoliceRelay other = new PoliceRelay(db, new PolicePublisher() {
            @Override
            public void publish(List<PoliceDelivery> batch) {
                clock.advance(Duration.ofSeconds(1));
                assertEquals(0, relay.relayOnce(), "the row is leased to the other relay");
                otherBroker.confirmed.addAll(batch);
            }
        }, SETTINGS, clock);
        assertEquals(1, other.relayOnce());
        assertEquals(List.of(), broker.caseIds());
        assertEquals(List.of(PoliceCases.id(1)), otherBroker.caseIds());
    }

    @Test
    void relayOnce_crashAfterClaim_republishesWhenTheLeaseEnds() {
        add(PoliceCases.id(1));
        // what a relay that claimed the row and died before publishing leaves behind
        db.inTransaction(tx -> {
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                    "UPDATE police_outbox SET attempts = 1, next_attempt_at = ?")) {
                ps.setLong(1, clock.millis() + SETTINGS.lease().toMillis());
                ps.executeUpdate();
            }
            return null;
        });
        assertEquals(0, relay.relayOnce());
        clock.advance(SETTINGS.lease());
        assertEquals(1, relay.relayOnce());
        assertEquals("SENT/2", state(PoliceCases.id(1)));
    }
}
