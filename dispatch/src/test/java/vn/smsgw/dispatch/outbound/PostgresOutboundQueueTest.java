package vn.smsgw.dispatch.outbound;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.TestServices;

class PostgresOutboundQueueTest extends JdbcOutboundQueueContract {
    private String schema;

    @Override
    Fixture open(MutableClock clock) {
        schema = TestServices.freshPostgresSchema();
        Database db = Database.open(TestServices.postgresConfig(schema));
        return new Fixture(new JdbcOutboundQueue(db, clock), new JdbcOutbox(), db, db);
    }

    /** The receipt keys of one transaction, locked in one statement, keep another's same key waiting until it ends. */
    @Test
    void lockKeys_sharedKey_otherTransactionWaitsUntilTheFirstEnds() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database other = Database.open(TestServices.postgresConfig(schema))) {
            Future<?> first = pool.submit(() -> ((Database) fx.transactions()).inTransaction(tx -> {
                new PartTable(JdbcTx.of(tx), 0).lockKeys(List.of("5f3a", "5f3b", "5f3c"));
                locked.countDown();
                release.await(10, TimeUnit.SECONDS);
                return null;
            }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            ExecutorService second = Executors.newSingleThreadExecutor();
            try {
                Future<Boolean> waited = second.submit(() -> other.inTransaction(tx -> {
                    new PartTable(JdbcTx.of(tx), 0).lockKeys(List.of("5f3b"));
                    return true;
                }));
                Thread.sleep(300);
                assertFalse(waited.isDone(), "waits for the first transaction");
                release.countDown();
                first.get(10, TimeUnit.SECONDS);
                assertTrue(waited.get(10, TimeUnit.SECONDS), "then takes the key");
            } finally {
                second.shutdownNow();
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * The one-part messages a batch of receipts settles are found by id, even with the table's statistics taken while
     * no message waited for its receipt (a new database, analysed early): with the state in its condition the planner
     * took every SUBMITTED message from the state index and compared each with every receipt of the batch.
     */
    @Test
    void settleMessagesByReceipts_withoutStatistics_findsThemByTheirIds() {
        String rows = "INSERT INTO outbound (lane, state, destination, sender, body, kind, created_at, not_before, "
                + "attempts, updated_at, parts) SELECT 0, '%s', '8491' || g, '156', 'b', 'ACK', 1, 1, 1, 1, 1 "
                + "FROM generate_series(1, %d) g";
        // statistics taken early, when no message waited for its receipt; then thousands do
        List<String> plan = TestServices.explainInFreshSchema(List.of(String.format(rows, "DELIVERED", 20),
                "ANALYZE outbound", String.format(rows, "SUBMITTED", 3_000)),
                PartTable.settleMessagesSql("SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[])"),
                (ps, c) -> {
                    ps.setArray(1, c.createArrayOf("bigint", new Long[] {1500L, 2500L}));
                    ps.setArray(2, c.createArrayOf("text", new String[] {"DELIVERED", "EXPIRED"}));
                    ps.setArray(3, c.createArrayOf("text", new String[] {null, "EXPIRED"}));
                    ps.setArray(4, c.createArrayOf("bigint", new Long[] {2L, 2L}));
                });
        String joined = String.join("\n", plan);
        assertTrue(plan.stream().anyMatch(l -> l.contains("outbound_pkey")), joined);
        assertTrue(plan.stream().noneMatch(l -> l.contains("outbound_ready") || l.contains("Seq Scan on outbound")),
                joined);
    }

    /**
     * A batch of receipts finds its parts through the key table's primary key, whatever the table's size: with a join,
     * the planner read the whole table for every batch while it held some thousands of keys, as in the first minutes
     * of a new database.
     */
    @Test
    void readParts_keyTableOfSomeThousands_looksEachKeyUpByTheIndex() {
        String[] keys = new String[50];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Integer.toHexString(6_000 + i);
        }
        List<String> plan = TestServices.explainInFreshSchema(List.of("INSERT INTO outbound_key (match_key, "
                        + "outbound_id, part, exact) SELECT to_hex(g), g, 1, 1 FROM generate_series(1, 12000) g",
                "ANALYZE outbound_key"),
                PartTable.readPartsSql(vn.smsgw.dispatch.store.Dialect.POSTGRES, "SELECT * FROM unnest(?::text[])"),
                (ps, c) -> ps.setArray(1, c.createArrayOf("text", keys)));
        String joined = String.join("\n", plan);
        assertTrue(plan.stream().anyMatch(l -> l.contains("outbound_key_pkey")), joined);
        assertTrue(plan.stream().noneMatch(l -> l.contains("Seq Scan on outbound_key")), joined);
    }

    @Test
    void claim_twoProcessesAtOnce_handOutEachMessageOnce() throws Exception {
        int messages = 600;
        for (int i = 0; i < messages; i += 100) {
            List<String> bodies = new ArrayList<>();
            for (int j = i; j < i + 100; j++) {
                bodies.add("m" + j);
            }
            enqueue(Lane.REPLY, bodies.toArray(String[]::new));
        }
        ConcurrentLinkedQueue<Long> handedOut = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Database other = Database.open(TestServices.postgresConfig(schema))) {
            List<OutboundQueue> queues = List.of(queue, new JdbcOutboundQueue(other, clock));
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                OutboundQueue q = queues.get(t % 2);
                String owner = "process-" + t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (List<QueuedSms> got = q.claim(Lane.REPLY, 7, owner, LEASE); !got.isEmpty();
                            got = q.claim(Lane.REPLY, 7, owner, LEASE)) {
                        got.forEach(m -> handedOut.add(m.id()));
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
        assertEquals(messages, new HashSet<>(handedOut).size());
        assertEquals(messages, handedOut.size(), "a message was handed out twice within its lease");
    }

    @Test
    void applyReceipt_racingItsSettlement_alwaysSettlesTheMessage() throws Exception {
        int messages = 200;
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            bodies.add("m" + i);
        }
        enqueue(Lane.REPLY, bodies.toArray(String[]::new));
        List<QueuedSms> claimed = claim(Lane.REPLY, messages);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (QueuedSms m : claimed) {
                String smscId = Long.toHexString(0x10000 + m.id());
                CountDownLatch go = new CountDownLatch(2);
                done.add(pool.submit(() -> {
                    go.countDown();
                    go.await();
                    return queue.settle(List.of(new Settlement(m.id(), OWNER, submitted(part(1, smscId)))));
                }));
                done.add(pool.submit(() -> {
                    go.countDown();
                    go.await();
                    return receipt(smscId, OutboundState.DELIVERED, "000");
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(messages, queue.countByState().count(Lane.REPLY, OutboundState.DELIVERED));
    }
}
