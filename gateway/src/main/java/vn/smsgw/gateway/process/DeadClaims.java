package vn.smsgw.gateway.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.gateway.smpp.Submitter;

/**
 * At start-up on the embedded store, recovers the claims of submitters whose process died: after {@link #HOLD} (for
 * the receipts of their last submits to arrive) those a receipt reports on are settled, the others handed back to the
 * queue at once rather than when their leases run out (a minute by default). Close it with the gateway.
 */
final class DeadClaims implements AutoCloseable {

    /*
     * The embedded store lives on this host, so every owner of a claim in it ran here, and its process id (in the
     * owner name) says whether it is alive: an id that is not running any more, or that is this very process (which
     * has not claimed anything yet: the id was reused, as it often is in a container), is a dead owner. An id reused
     * by another live process is taken as alive and its claims wait for their leases: late, never early. Shared
     * PostgreSQL stores are left to the leases, as the owner may run on another host.
     *
     * A dead owner's claims are the messages it had claimed and not settled: some not yet submitted, some in flight,
     * some accepted by the SMSC without the settlement being committed. The SMSC sends the receipts of the accepted
     * ones to the new binds; JdbcOutboundQueue.settleInDoubt settles a claim with its receipt, so it is not sent
     * again. What is left is submitted again: the accepted ones whose receipt did not come within HOLD are sent twice
     * (their attempts count 2, so a campaign reports them as resent).
     */

    /**
     * How long after the first bind the receipts of a dead owner's submits are awaited: above an SMSC's wait for the
     * deliver_sm_resp that the dead bind never sent (the simulator's response timeout is 5 s) plus its retry delay.
     */
    static final Duration HOLD = Duration.ofSeconds(10);
    /** How long the claims are held at most when no bind comes up: the default lease. */
    static final Duration LONGEST = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(DeadClaims.class);

    private final JdbcOutboundQueue queue;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smsgw-dead-claims");
        t.setDaemon(true);
        return t;
    });

    private DeadClaims(JdbcOutboundQueue queue) {
        this.queue = queue;
    }

    /**
     * Holds the claims of dead owners now (for at most {@link #LONGEST}) and recovers them {@link #HOLD} after
     * {@code bound} first says a bind is up.
     */
    static DeadClaims recover(JdbcOutboundQueue queue, BooleanSupplier bound) {
        DeadClaims d = new DeadClaims(queue);
        List<String> dead = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        for (Map.Entry<String, Long> e : queue.claimOwners().entrySet()) {
            OptionalLong pid = Submitter.ownerPid(e.getKey());
            if (pid.isPresent() && (pid.getAsLong() == self
                    || ProcessHandle.of(pid.getAsLong()).map(h -> !h.isAlive()).orElse(true))) {
                queue.holdClaims(e.getKey(), LONGEST);
                dead.add(e.getKey());
                log.warn("{} outbound messages claimed by {}, whose process is gone, are in doubt: settled by their "
                        + "receipts or submitted again {} s after the first bind", e.getValue(), e.getKey(),
                        HOLD.toSeconds());
            }
        }
        if (!dead.isEmpty()) {
            long[] boundAt = {0};
            d.timer.scheduleWithFixedDelay(() -> {
                long now = System.nanoTime();
                if (boundAt[0] == 0 && bound.getAsBoolean()) {
                    boundAt[0] = now;
                }
                if (boundAt[0] != 0 && now - boundAt[0] >= HOLD.toNanos()) {
                    dead.forEach(d::settle);
                    d.timer.shutdown();
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
        }
        return d;
    }

    private void settle(String owner) {
        try {
            int settled = queue.settleInDoubt(owner);
            int again = queue.expireClaims(owner);
            log.warn("claims of {}: {} settled by their receipts, {} to be submitted again (those that had reached "
                    + "the SMSC are sent twice)", owner, settled, again);
        } catch (StorageException e) {
            log.warn("claims of {} not recovered, their leases will end: {}", owner, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
