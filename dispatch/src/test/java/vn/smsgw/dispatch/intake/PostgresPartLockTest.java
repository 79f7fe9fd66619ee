package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.TestServices;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.text.TextCoding;

/**
 * On PostgreSQL, a part added while another transaction is storing its message (as a second intake writer or another
 * process does) waits for that transaction and is judged by what it committed: a redelivered part is a duplicate, a
 * missing one a late part; neither opens a new message.
 */
class PostgresPartLockTest {
    private static final ConcatKey KEY = new ConcatKey(ConcatScheme.UDH_8BIT_REF, 42, 3);
    private static final CaseId CASE = CaseId.fromSequence(7);

    private final JdbcPartStore store = new JdbcPartStore();
    private Database db;

    @BeforeEach
    void open() {
        db = TestServices.postgres();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static InboundPart part(int seq) {
        return new InboundPart("84912345678", "156", "smsc-a", IntakeContract.T0, KEY, seq,
                new PartContent.Text(TextCoding.GSM7, new byte[] {(byte) ('0' + seq)}));
    }

    /**
     * Stores parts 1 and 3, then stores their message in a transaction held open while {@code part} is added in
     * another one; returns what adding it did once the first commits.
     */
    private PartStore.Added addWhileTheMessageIsBeingStored(InboundPart part, String hash) throws Exception {
        db.inTransaction(tx -> {
            store.add(tx, part(1), "h1");
            return store.add(tx, part(3), "h3");
        });
        CountDownLatch storing = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
            assertEquals(1, store.openSince(tx, Long.MAX_VALUE, 10).size());
            store.complete(tx, part(1).groupKey(), CASE, IntakeContract.T0.toEpochMilli());
            storing.countDown();
            assertTrue(commit.await(30, TimeUnit.SECONDS));
            return null;
        }));
        assertTrue(storing.await(30, TimeUnit.SECONDS));
        AtomicInteger backend = new AtomicInteger();
        CompletableFuture<PartStore.Added> second = CompletableFuture.supplyAsync(() -> db.inTransaction(tx -> {
            backend.set(backendPid(tx));
            return store.add(tx, part, hash);
        }));
        awaitBlocked(backend, second);
        commit.countDown();
        first.get(30, TimeUnit.SECONDS);
        return second.get(30, TimeUnit.SECONDS);
    }

    private static int backendPid(Tx tx) throws Exception {
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement("SELECT pg_backend_pid()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Polls until the second transaction waits for a lock the first holds (or has finished: then the test fails). */
    private void awaitBlocked(AtomicInteger backend, CompletableFuture<?> second) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !second.isDone()) {
            int pid = backend.get();
            if (pid != 0 && db.read(tx -> {
                try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                        "SELECT cardinality(pg_blocking_pids(?)) > 0")) {
                    ps.setInt(1, pid);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getBoolean(1);
                    }
                }
            })) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the second transaction never waited for the first; done: " + second.isDone());
    }

    private List<String> openGroups() {
        return db.read(tx -> store.openSince(tx, Long.MAX_VALUE, 10));
    }

    @Test
    void add_redeliveredPartWhileItsMessageIsBeingStored_isDuplicateOnceThatCommits() throws Exception {
        PartStore.Added added = addWhileTheMessageIsBeingStored(part(1), "h1");

        assertEquals(new PartStore.Added.Duplicate(), added);
        assertEquals(List.of(), openGroups(), "no new message opened");
    }

    @Test
    void add_missingPartWhileItsMessageIsBeingStored_isLateOnceThatCommits() throws Exception {
        PartStore.Added added = addWhileTheMessageIsBeingStored(part(2), "h2");

        assertEquals(new PartStore.Added.Late(CASE), added);
        assertEquals(List.of(), openGroups(), "no new message opened");
        assertEquals(1, db.read(tx -> store.lateParts(tx, CASE)).size());
    }
}
