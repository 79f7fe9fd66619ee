package vn.smsgw.gateway.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.outbound.JdbcOutbox;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundSms;
import vn.smsgw.dispatch.outbound.SmscScope;
import vn.smsgw.dispatch.store.SqliteSync;

/**
 * What a bind pays to look for its SMSC's replies past the replies waiting for another SMSC, on the embedded store: a
 * queue holding {@code waiting} replies for SMSC "b" and one for SMSC "a", the time of a due check of "a"'s scope
 * (what each transmitting bind runs every 20 ms while it sends campaigns) and of one claim.
 */
final class ClaimBench {
    private static final int INSERT_CHUNK = 1_000;

    private ClaimBench() {
    }

    /** One store size: the mean due check and the claim, in milliseconds. */
    record Result(int waiting, double dueCheckMillis, double claimMillis) {
    }

    static Result run(int waiting, int looks) throws Exception {
        Clock clock = Clock.systemUTC();
        try (BenchStore store = BenchStore.sqlite(SqliteSync.FULL)) {
            JdbcOutboundQueue queue = new JdbcOutboundQueue(store.database(), clock);
            JdbcOutbox outbox = new JdbcOutbox();
            for (int i = 0; i < waiting; i += INSERT_CHUNK) {
                List<OutboundSms> chunk = new ArrayList<>();
                for (int k = i; k < Math.min(waiting, i + INSERT_CHUNK); k++) {
                    chunk.add(new OutboundSms(Lane.REPLY, Long.toString(84_910_000_000L + k), "156", "x", "ACK", "",
                            clock.instant(), "b"));
                }
                store.database().inTransaction(tx -> {
                    outbox.enqueue(tx, chunk);
                    return null;
                });
            }
            store.database().inTransaction(tx -> {
                outbox.enqueue(tx, List.of(new OutboundSms(Lane.REPLY, "84912345678", "156", "mine", "ACK", "",
                        clock.instant(), "a")));
                return null;
            });
            SmscScope a = new SmscScope("a", Duration.ofMinutes(10));
            for (int i = 0; i < looks; i++) { // warm-up: statements prepared, pages cached
                queue.anyDue(Lane.REPLY, a);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < looks; i++) {
                if (!queue.anyDue(Lane.REPLY, a)) {
                    throw new IllegalStateException("a's reply not found");
                }
            }
            double due = (System.nanoTime() - t0) / 1e6 / looks;
            long t1 = System.nanoTime();
            int claimed = queue.claim(Lane.REPLY, a, 100, "a#bench", Duration.ofSeconds(60)).size();
            double claim = (System.nanoTime() - t1) / 1e6;
            if (claimed != 1) {
                throw new IllegalStateException("claimed " + claimed + " messages, expected a's one");
            }
            return new Result(waiting, due, claim);
        }
    }

    static String table(int looks, List<Result> results) {
        StringBuilder b = new StringBuilder(Machine.describe()).append('\n');
        b.append(String.format("embedded store, full sync; replies waiting for SMSC b, one for SMSC a; due check of a's "
                + "scope averaged over %d looks%n", looks));
        b.append(String.format("%14s %16s %12s%n", "waiting for b", "due check of a", "claim of a"));
        for (Result r : results) {
            b.append(String.format("%,14d %13.3f ms %9.3f ms%n", r.waiting(), r.dueCheckMillis(), r.claimMillis()));
        }
        return b.toString();
    }
}
