package vn.smsgw.dispatch.police;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

class PostgresPoliceQueueTest extends PoliceQueueContract {
    private String schema;

    @Override
    Fixture open(MutableClock clock) {
        schema = TestServices.freshPostgresSchema();
        Database db = Database.open(TestServices.postgresConfig(schema));
        return new Fixture(new JdbcPoliceQueue(db, clock, VISIBILITY), new JdbcPoliceOutbox(clock), db, db);
    }

    @Test
    void depth_casesPendingUntilAckedAndACaseThatCannotBeRenderedApart() {
        Database db = (Database) fx.transactions();
        add(PoliceCases.id(1), PoliceCases.id(2));
        PoliceCases.addWithoutReport(db, PoliceCases.id(3));
        assertEquals(new PoliceOutboxDepth(3, 0), PoliceOutboxDepth.read(db));

        assertEquals(List.of(PoliceCases.id(1), PoliceCases.id(2)), caseIds(queue.pull(10)));
        assertTrue(queue.ack(PoliceCases.id(1)));

        assertEquals(new PoliceOutboxDepth(1, 1), PoliceOutboxDepth.read(db),
                "case 2 pulled but not acked, case 3 set aside");
    }

    /**
     * Two processes add cases at once and commit their outbox ids out of order: the listing by id holds the committed
     * higher id back while the lower one's transaction is open, so a reader paging on never passes over it.
     */
    @Test
    void after_lowerOutboxIdStillOpen_higherCommittedIdHeldBackUntilItCommits() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database other = Database.open(TestServices.postgresConfig(schema))) {
            JdbcPoliceOutbox otherOutbox = new JdbcPoliceOutbox(clock);
            Future<?> slow = pool.submit(() -> other.inTransaction(tx -> {
                otherOutbox.add(tx, List.of(PoliceCases.sample(PoliceCases.id(1))));
                added.countDown();
                release.await(10, TimeUnit.SECONDS);
                return null;
            }));
            assertTrue(added.await(10, TimeUnit.SECONDS));
            add(PoliceCases.id(2));

            assertEquals(List.of(), queue.after(0, 10).stream().map(PoliceDelivery::caseId).toList());

            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(PoliceCases.id(1), PoliceCases.id(2)),
                    queue.after(0, 10).stream().map(PoliceDelivery::caseId).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pull_twoProcessesAtOnce_handOutEachCaseOnce() throws Exception {
        int cases = 600;
        for (int i = 0; i < cases; i += 100) {
            List<String> ids = new ArrayList<>();
            for (int j = i; j < i + 100; j++) {
                ids.add(PoliceCases.id(j));
            }
            add(ids.toArray(String[]::new));
        }
        ConcurrentLinkedQueue<String> handedOut = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Database other = Database.open(TestServices.postgresConfig(schema))) {
            List<PoliceQueue> queues = List.of(queue, new JdbcPoliceQueue(other, clock, VISIBILITY));
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                PoliceQueue q = queues.get(t % 2);
                done.add(pool.submit(() -> {
                    go.await();
                    for (List<PoliceDelivery> got = q.pull(7); !got.isEmpty(); got = q.pull(7)) {
                        got.forEach(d -> handedOut.add(d.caseId()));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> distinct = new HashSet<>(handedOut);
        assertEquals(cases, distinct.size());
        assertEquals(cases, handedOut.size(), "a case was handed out twice within the visibility timeout");
    }
}
