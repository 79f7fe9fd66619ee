package vn.smsgw.gateway.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.gateway.smpp.Submitter;

/**
 * At start-up on the embedded store, recovers the claims of submitters whose process died: the hold
 * ({@code outbound.inDoubtHold}) after the first bind (time for the receipts of their last submits to arrive), those
 * receipts report on are settled, the others handed back to the queue at once rather than when their leases run out
 * (a minute by default). Close it with the gateway.
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
     * ones to the new binds; JdbcOutboundQueue.settleInDoubt settles a claim with its receipts, so it is not sent
     * again. What is left is submitted again: the accepted ones whose receipt did not come within the hold are sent
     * twice (their attempts count 2, so a campaign reports them as resent).
     *
     * The claims are held (their lease pushed out) at once, for LONGEST, and again when the first bind is seen, for
     * the hold plus LONGEST: the hold counts from the bind even when the bind took longer than LONGEST to come up,
     * and the lease is only the fallback should the recovery itself fail; settle() ends it.
     */

    /** How long the claims are held when no bind comes up, and beyond the hold: the default lease. */
    static final Duration LONGEST = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 100;

    private static final Logger log = LoggerFactory.getLogger(DeadClaims.class);

    private final JdbcOutboundQueue queue;
    private final BooleanSupplier bound;
    private final Duration hold;
    private final LongSupplier ticker;
    private final List<String> dead = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smsgw-dead-claims");
        t.setDaemon(true);
        return t;
    });
    private boolean seenBound;
    private long boundAt;
    private boolean done;

    private DeadClaims(JdbcOutboundQueue queue, BooleanSupplier bound, Duration hold, LongSupplier ticker) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.bound = Objects.requireNonNull(bound, "bound");
        this.hold = Objects.requireNonNull(hold, "hold");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        if (hold.isNegative()) {
            throw new IllegalArgumentException("hold must not be negative: " + hold);
        }
    }

    /**
     * Holds the claims of dead owners now and recovers them {@code hold} after {@code bound} first says a bind is
     * up, checking every 100 ms of {@code nanoTicker} (like {@link System#nanoTime()}).
     */
    static DeadClaims recover(JdbcOutboundQueue queue, BooleanSupplier bound, Duration hold,
            LongSupplier nanoTicker) {
        DeadClaims d = holdDeadClaims(queue, bound, hold, nanoTicker);
        if (!d.done) {
            d.timer.scheduleWithFixedDelay(() -> {
                if (d.step()) {
                    d.timer.shutdown();
                }
            }, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        return d;
    }

    /** Finds the dead owners and holds their claims, without scheduling the recovery: {@link #step} does it. */
    static DeadClaims holdDeadClaims(JdbcOutboundQueue queue, BooleanSupplier bound, Duration hold,
            LongSupplier nanoTicker) {
        DeadClaims d = new DeadClaims(queue, bound, hold, nanoTicker);
        long self = ProcessHandle.current().pid();
        for (Map.Entry<String, Long> e : queue.claimOwners().entrySet()) {
            OptionalLong pid = Submitter.ownerPid(e.getKey());
            if (pid.isPresent() && (pid.getAsLong() == self
                    || ProcessHandle.of(pid.getAsLong()).map(h -> !h.isAlive()).orElse(true))) {
                queue.holdClaims(e.getKey(), LONGEST);
                d.dead.add(e.getKey());
                log.warn("{} outbound messages claimed by {}, whose process is gone, are in doubt: settled by their "
                        + "receipts or submitted again {} ms after the first bind", e.getValue(), e.getKey(),
                        hold.toMillis());
            }
        }
        d.done = d.dead.isEmpty();
        return d;
    }

    /** The owners found dead, whose claims are held. */
    List<String> deadOwners() {
        return List.copyOf(dead);
    }

    /**
     * One check: notes the first bind (holding the claims again from then), and once the hold has passed since,
     * settles the claims receipts report on and hands back the others. Returns true when the recovery is over. Called
     * from one thread at a time.
     */
    synchronized boolean step() {
        if (done) {
            return true;
        }
        try {
            long now = ticker.getAsLong();
            if (!seenBound) {
                if (!bound.getAsBoolean()) {
                    return false;
                }
                dead.forEach(owner -> queue.holdClaims(owner, hold.plus(LONGEST)));
                seenBound = true;
                boundAt = now;
            }
            if (now - boundAt < hold.toNanos()) {
                return false;
            }
            dead.forEach(this::settle);
            done = true;
        } catch (StorageException e) {
            log.warn("claims of dead owners not recovered yet, trying again: {}", e.getMessage());
        }
        return done;
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
