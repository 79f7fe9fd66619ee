package vn.smsgw.dispatch.police;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.TcpProxy;
import vn.smsgw.dispatch.store.TestServices;

/**
 * RabbitMQ unreachable while reports flow, then back, then cut in the middle of a publish: every police case ends
 * in the queue at least once, and exactly the added set after dedupe by message id. Each database in
 * {@link #openDatabases()} stands for one smsgw process with its own relay.
 */
abstract class BrokerOutageScenario {
    private static final Logger log = LoggerFactory.getLogger(BrokerOutageScenario.class);
    private static final int WRITERS = 4;
    private static final int CASES_PER_WRITER = 250;
    private static final int CASES_PER_TX = 10;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /*
     * Short polls and backoffs keep the scenario quick; the lease stays long, because it must outlast a publish with
     * its connect, handshake and confirm timeouts (5 s each) even on a loaded machine, or a second relay would take
     * over a batch still being confirmed and the "confirmed once" count below would be off.
     */
    private static final PoliceRelaySettings FAST = new PoliceRelaySettings(40, Duration.ofMillis(20),
            Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofMillis(300));

    /** The databases, one per process, all holding the same outbox table. */
    abstract List<Database> openDatabases();

    @Test
    void relay_brokerDownThenCutMidPublish_deliversEveryCaseOncePerCaseId() throws Exception {
        List<Database> dbs = openDatabases();
        List<PoliceRelay> relays = new ArrayList<>();
        List<RabbitPoliceQueue> publishers = new ArrayList<>();
        try (RabbitTestQueue rabbit = new RabbitTestQueue();
             TcpProxy proxy = new TcpProxy(TestServices.RABBIT_HOST, TestServices.RABBIT_PORT)) {
            for (Database db : dbs) {
                RabbitPoliceQueue publisher = new RabbitPoliceQueue(rabbit.config().withPort(proxy.port()));
                publishers.add(publisher);
                PoliceRelay relay = new PoliceRelay(db, publisher, FAST, Clock.systemUTC());
                relays.add(relay);
                relay.start();
            }
            Set<String> added = new TreeSet<>();

            // 1. broker unreachable (the stopped proxy resets every connection) while reports flow from threads
            added.addAll(addConcurrently(dbs, 1));
            awaitTrue("every relay failed at least once", () -> relays.stream().allMatch(r -> r.failedAttempts() > 0));
            assertEquals(0, count(dbs.get(0), "state = 'SENT'"), "nothing may be sent while the broker is down");
            assertEquals(added.size(), count(dbs.get(0), "state = 'PENDING'"));
            assertTrue(count(dbs.get(0), "attempts > 0") > 0, "the relay attempted and counted attempts");

            // 2. broker back, with the first connection cut mid-publish; reports keep flowing meanwhile
            proxy.cutNextConnectionAfter(20_000);
            proxy.start();
            added.addAll(addConcurrently(dbs, 2));
            addAgain(dbs.get(0), List.copyOf(added).subList(0, 100));
            awaitTrue("the outbox drains", () -> count(dbs.get(0), "state = 'SENT'") == added.size());

            Map<String, Integer> deliveries = new HashMap<>();
            for (GetResponse r : rabbit.drain()) {
                String id = r.getProps().getMessageId();
                String body = new String(r.getBody(), StandardCharsets.UTF_8);
                assertEquals(id, PoliceCaseJson.parse(body).caseId(), "messageId is the case id");
                deliveries.merge(id, 1, Integer::sum);
            }
            int total = deliveries.values().stream().mapToInt(Integer::intValue).sum();
            log.warn("broker outage ({} processes): {} cases, {} messages, {} duplicates, {} failed attempts",
                    dbs.size(), added.size(), total, total - added.size(),
                    relays.stream().mapToLong(PoliceRelay::failedAttempts).sum());
            assertEquals(added, new TreeSet<>(deliveries.keySet()), "after dedupe by messageId: exactly the added set");
            assertTrue(total >= added.size());
            assertEquals(added.size(), relays.stream().mapToLong(PoliceRelay::published).sum(),
                    "each case confirmed once; the duplicates are the batch stored but unconfirmed at the cut");
        } finally {
            relays.forEach(PoliceRelay::stop);
            publishers.forEach(RabbitPoliceQueue::close);
            dbs.forEach(Database::close);
        }
    }

    private static List<String> addConcurrently(List<Database> dbs, int round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Database db = dbs.get(w % dbs.size());
                long writer = round * 100L + w;
                futures.add(pool.submit(() -> addCases(db, writer)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                ids.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> addCases(Database db, long writer) {
        JdbcPoliceOutbox outbox = new JdbcPoliceOutbox(Clock.systemUTC());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CASES_PER_WRITER; i += CASES_PER_TX) {
            List<PoliceCase> cases = new ArrayList<>();
            for (int j = i; j < i + CASES_PER_TX; j++) {
                String id = PoliceCases.id(writer * 1_000_000L + j); // distinct per writer and case
                cases.add(PoliceCases.sample(id));
                ids.add(id);
            }
            db.inTransaction(tx -> {
                outbox.add(tx, cases);
                return null;
            });
        }
        return ids;
    }

    private static void addAgain(Database db, List<String> caseIds) {
        List<PoliceCase> cases = caseIds.stream().map(PoliceCases::sample).toList();
        db.inTransaction(tx -> {
            new JdbcPoliceOutbox(Clock.systemUTC()).add(tx, cases);
            return null;
        });
    }

    private static long count(Database db, String where) {
        return db.inTransaction(tx -> {
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                    "SELECT COUNT(*) FROM police_outbox WHERE " + where);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + DEADLINE + " waiting until " + what);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
