package vn.smsgw.gateway.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.gateway.smpp.Submitter;

/**
 * At start-up on the embedded store, recovers the claims of submitters whose process died: the hold
 * ({@code outbound.inDoubtHold}) after the first bind of the SMSC each dead owner sent through (time for the receipts of
 * its last submits to arrive), those receipts report on are settled, the others handed back to the queue at once
 * rather than when their leases run out (a minute by default). Close it with the gateway.
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
     * The claims are held (their lease pushed out) at once, for LONGEST, again every LONGEST / 2 while their SMSC has
     * no bind up (a restart after a crash often waits for the SMSC to drop the old bind, or for the SMSC itself: had
     * the leases run out meanwhile, the first bind would have claimed the messages and sent them again without
     * waiting for their receipts), and when a bind of their SMSC is seen, for the hold plus LONGEST: the hold counts
     * from that bind, and the lease is only the fallback should the recovery itself fail; settle() ends it. The
     * receipts of a dead owner's submits come from the SMSC it sent through, so that is the bind waited for; an owner
     * whose SMSC is no longer configured waits for any bind.
     */

    /** How long the claims are held when no bind comes up, and beyond the hold: the default lease. */
    static final Duration LONGEST = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 100;

    private static final Logger log = LoggerFactory.getLogger(DeadClaims.class);

    private final JdbcOutboundQueue queue;
    private final Predicate<String> bound;
    private final Duration hold;
    private final LongSupplier ticker;
    private final List<String> dead = new ArrayList<>();
    /** The dead owners not recovered yet, each with when a bind of its SMSC was first seen (null before that). */
    private final Map<String, Long> waiting = new LinkedHashMap<>();
    private long heldAt;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smsgw-dead-claims");
        t.setDaemon(true);
        return t;
    });
    private boolean done;

    private DeadClaims(JdbcOutboundQueue queue, Predicate<String> bound, Duration hold, LongSupplier ticker) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.bound = Objects.requireNonNull(bound, "bound");
        this.hold = Objects.requireNonNull(hold, "hold");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        if (hold.isNegative()) {
            throw new IllegalArgumentException("hold must not be negative: " + hold);
        }
    }

    /**
     * Holds the claims of dead owners now and recovers each owner's {@code hold} after {@code bound} first says a bind
     * of its SMSC is up ({@code bound} is given the SMSC's name, from the owner name), checking every 100 ms of
     * {@code nanoTicker} (like {@link System#nanoTime()}).
     */
    static DeadClaims recover(JdbcOutboundQueue queue, Predicate<String> bound, Duration hold,
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
    static DeadClaims holdDeadClaims(JdbcOutboundQueue queue, Predicate<String> bound, Duration hold,
            LongSupplier nanoTicker) {
        DeadClaims d = new DeadClaims(queue, bound, hold, nanoTicker);
        d.heldAt = nanoTicker.getAsLong();
        long self = ProcessHandle.current().pid();
        for (Map.Entry<String, Long> e : queue.claimOwners().entrySet()) {
            OptionalLong pid = Submitter.ownerPid(e.getKey());
            if (pid.isPresent() && (pid.getAsLong() == self
                    || ProcessHandle.of(pid.getAsLong()).map(h -> !h.isAlive()).orElse(true))) {
                queue.holdClaims(e.getKey(), LONGEST);
                d.dead.add(e.getKey());
                d.waiting.put(e.getKey(), null);
                log.warn("{} outbound messages claimed by {}, whose process is gone, are in doubt: settled by their "
                        + "receipts or submitted again {} ms after the first bind of smsc {}", e.getValue(), e.getKey(),
                        hold.toMillis(), smscOf(e.getKey()));
            }
        }
        d.done = d.dead.isEmpty();
        return d;
    }

    /** The owners found dead, whose claims are held. */
    List<String> deadOwners() {
        return List.copyOf(dead);
    }

    /** The SMSC name in an owner name ({@code smsc/bind@pid-random}). */
    static String smscOf(String owner) {
        int at = owner.indexOf('@');
        int slash = owner.lastIndexOf('/', at < 0 ? owner.length() : at);
        return slash < 0 ? owner : owner.substring(0, slash);
    }

    /**
     * One check: holds again the claims of owners whose SMSC has no bind yet (every LONGEST / 2), notes the first bind
     * of an owner's SMSC (holding its claims again from then), and once the hold has passed since, settles the claims
     * receipts report on and hands back the others. Returns true when the recovery is over. Called from one thread at
     * a time.
     */
    synchronized boolean step() {
        if (done) {
            return true;
        }
        try {
            long now = ticker.getAsLong();
            boolean holdAgain = now - heldAt >= LONGEST.toNanos() / 2;
            for (Iterator<Map.Entry<String, Long>> it = waiting.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Long> owner = it.next();
                if (owner.getValue() == null) {
                    if (!bound.test(smscOf(owner.getKey()))) {
                        if (holdAgain) {
                            queue.holdClaims(owner.getKey(), LONGEST);
                        }
                        continue;
                    }
                    queue.holdClaims(owner.getKey(), hold.plus(LONGEST));
                    owner.setValue(now);
                }
                if (now - owner.getValue() >= hold.toNanos()) {
                    settle(owner.getKey());
                    it.remove();
                }
            }
            heldAt = holdAgain ? now : heldAt;
            done = waiting.isEmpty();
        } catch (RuntimeException e) {
            // the store unreachable (or anything else): the leases still hold, the next check tries again
            log.warn("claims of dead owners not recovered yet, trying again: {}", e.toString());
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
