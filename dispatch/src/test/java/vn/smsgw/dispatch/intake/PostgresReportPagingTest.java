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
import vn.smsgw.dispatch.store.Tx;

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
        OpenInsert slow = openInsert(false);
        long fast = commit(b, storeB, "fast");
        assertTrue(fast > slow.id.get(), fast + " after " + slow.id.get());

        assertEquals(List.of(), ids(storeB.after(0, 10)), "the committed higher id waits for the open lower one");

        slow.release.countDown();
        assertEquals(slow.id.get(), slow.done.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(slow.id.get(), fast), ids(storeB.after(0, 10)));
    }

    @Test
    void after_lowerIdRolledBack_higherIdReadableOnceItEnds() throws Exception {
        OpenInsert slow = openInsert(true);
        long fast = commit(b, storeB, "fast");

        assertEquals(List.of(), ids(storeA.after(0, 10)));

        slow.release.countDown();
        assertThrows(ExecutionException.class, () -> slow.done.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(fast), ids(storeA.after(0, 10)));
    }

    @Test
    void after_nothingOpen_readsEverythingAndPagesOn() {
        long first = commit(a, storeA, "one");
        long second = commit(b, storeB, "two");
        assertEquals(List.of(first, second), ids(storeA.after(0, 10)));
        assertEquals(List.of(second), ids(storeA.after(first, 10)));
        assertEquals(List.of(), ids(storeA.after(second, 10)));
    }

    /** A report inserted by process a in a transaction left open until {@code release}, then committed or not. */
    private record OpenInsert(AtomicLong id, CountDownLatch release, Future<Long> done) {
    }

    private OpenInsert openInsert(boolean fail) throws InterruptedException {
        AtomicLong id = new AtomicLong();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> done = pool.submit(() -> a.inTransaction(tx -> {
            id.set(insert(tx, storeA, "slow"));
            inserted.countDown();
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            if (fail) {
                throw new IllegalStateException("rolled back");
            }
            return id.get();
        }));
        assertTrue(inserted.await(10, TimeUnit.SECONDS));
        return new OpenInsert(id, release, done);
    }

    private static long commit(Database db, JdbcReportStore store, String key) {
        return db.inTransaction(tx -> insert(tx, store, key));
    }

    private static long insert(Tx tx, JdbcReportStore store, String key) {
        long n = store.allocate(tx, 1)[0];
        store.insert(tx, List.of(report(n, key)));
        return n;
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
