package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

/**
 * Two processes on one PostgreSQL schema commit their report ids out of order; a reader paging by id must not pass
 * over the lower id while its transaction is open.
 */
class PostgresReportPagingTest {
    private static final Instant T0 = Instant.parse("2025-03-01T02:30:00Z");

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private Database a;
    private Database b;
    private JdbcReportStore storeA;
    private JdbcReportStore storeB;

    @BeforeEach
    void open() {
        String schema = TestServices.freshPostgresSchema();
        a = Database.open(TestServices.postgresConfig(schema));
        b = Database.open(TestServices.postgresConfig(schema));
        storeA = new JdbcReportStore(a);
        storeB = new JdbcReportStore(b);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        a.close();
        b.close();
    }

    @Test
    void after_lowerIdStillOpen_higherCommittedIdHeldBackUntilItCommits() throws Exception {
        AtomicLong slowId = new AtomicLong();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> slow = pool.submit(() -> insert(a, storeA, "slow", slowId, inserted, release, false));
        assertTrue(inserted.await(10, TimeUnit.SECONDS));
        long fast = insert(b, storeB, "fast", new AtomicLong(), new CountDownLatch(1), new CountDownLatch(0), false);
        assertTrue(fast > slowId.get(), fast + " after " + slowId.get());

        assertEquals(List.of(), ids(storeB.after(0, 10)), "the committed higher id waits for the open lower one");

        release.countDown();
        assertEquals(slowId.get(), slow.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(slowId.get(), fast), ids(storeB.after(0, 10)));
    }

    @Test
    void after_lowerIdRolledBack_higherIdReadableOnceItEnds() throws Exception {
        AtomicLong slowId = new AtomicLong();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> slow = pool.submit(() -> insert(a, storeA, "slow", slowId, inserted, release, true));
        assertTrue(inserted.await(10, TimeUnit.SECONDS));
        long fast = insert(b, storeB, "fast", new AtomicLong(), new CountDownLatch(1), new CountDownLatch(0), false);

        assertEquals(List.of(), ids(storeA.after(0, 10)));

        release.countDown();
        assertThrows(ExecutionException.class, () -> slow.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(fast), ids(storeA.after(0, 10)));
    }

    @Test
    void after_nothingOpen_readsEverythingAndPagesOn() {
        long first = insert(a, storeA, "one", new AtomicLong(), new CountDownLatch(1), new CountDownLatch(0), false);
        long second = insert(b, storeB, "two", new AtomicLong(), new CountDownLatch(1), new CountDownLatch(0), false);
        assertEquals(List.of(first, second), ids(storeA.after(0, 10)));
        assertEquals(List.of(second), ids(storeA.after(first, 10)));
        assertEquals(List.of(), ids(storeA.after(second, 10)));
    }

    /** Stores one report in its own transaction, which waits for {@code release} before it commits (or fails). */
    private static long insert(Database db, JdbcReportStore store, String key, AtomicLong id, CountDownLatch inserted,
                               CountDownLatch release, boolean fail) {
        return db.inTransaction(tx -> {
            long n = store.allocate(tx, 1)[0];
            id.set(n);
            store.insert(tx, List.of(report(n, key)));
            inserted.countDown();
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            if (fail) {
                throw new IllegalStateException("rolled back");
            }
            return n;
        });
    }

    private static NewReport report(long id, String key) {
        InboundSms sms = new InboundSms("84912345678", "156", "V 0987654321 quang cao", "smsc", T0, "ref-" + id,
                InboundSms.Form.TEXT);
        return new NewReport(id, CaseId.fromSequence(id), key, sms, "+84912345678", "V", "+84987654321", "MOBILE",
                "VIETTEL", "quang cao", "", EnumSet.noneOf(ReportFlag.class), 1, T0.toEpochMilli());
    }

    private static List<Long> ids(List<StoredReport> reports) {
        return reports.stream().map(StoredReport::id).toList();
    }
}
