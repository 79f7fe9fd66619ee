package vn.smsgw.dispatch.police;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.StorageException;

/**
 * Moves police cases from the outbox table to a {@link PolicePublisher} (RabbitMQ in production), on its own thread
 * between {@link #start()} and {@link #stop()}. A row becomes SENT only after the broker confirmed it. Thread-safe.
 *
 * <p>Each round claims up to a batch of due PENDING rows under a lease (see {@code OutboxTable}: several relays on
 * one PostgreSQL take disjoint rows), publishes them, waits for the confirms and marks them SENT. When the broker
 * fails, the rows stay PENDING with their attempt count raised and become due again after a capped exponential
 * backoff with jitter; the relay itself waits out the same backoff before its next round, so an unreachable broker
 * costs one connection attempt per backoff, not one per row. Intake never waits on any of this: it only inserts
 * rows. Delivery is at-least-once: a confirm lost with the connection, or a crash between the confirm and the
 * SENT update, publishes a case again once its lease ends, and consumers dedupe by message id (= case id).
 */
public final class PoliceRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PoliceRelay.class);

    private final OutboxTable table;
    private final PolicePublisher publisher;
    private final PoliceRelaySettings settings;
    private final Clock clock;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private Thread thread;

    public PoliceRelay(Database db, PolicePublisher publisher, PoliceRelaySettings settings, Clock clock) {
        this.table = new OutboxTable(Objects.requireNonNull(db, "db"));
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts the relay thread; at most once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("police relay already started");
        }
        thread = new Thread(this::run, "smsgw-police-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** How long {@link #stop()} waits for the current round. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** Stops the relay thread and waits for its current round to end, up to {@link #STOP_WAIT}; see {@link #stop(Duration)}. */
    public void stop() {
        stop(STOP_WAIT);
    }

    /**
     * Stops the relay thread and waits up to {@code wait} for its current round to end. A round still running then (a
     * publish the broker holds until its confirm timeout, a store that does not answer) is left to end by itself on
     * its daemon thread, so that it cannot hold the process's stop; it is not interrupted, for an interrupt would
     * reach whatever the round does next, a write to the store included. Rows not published stay PENDING; rows it
     * claimed and does not record as sent are published again once their lease ends (at-least-once). Returns whether
     * the thread ended.
     */
    public boolean stop(Duration wait) {
        stopping.countDown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return true;
        }
        try {
            t.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            log.warn("police relay: its round did not end within {} of the stop; left to end on its own (cases it "
                    + "claimed and does not record as sent are published again when their lease ends)", wait);
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        stop();
    }

    private void run() {
        log.info("police relay started");
        while (stopping.getCount() > 0) {
            Duration wait;
            try {
                wait = relayOnce() >= settings.batchSize() ? Duration.ZERO : settings.idlePoll();
            } catch (RuntimeException | Error e) {
                // an Error too (a class that cannot load, a thread the driver cannot start): escaping, it would end
                // the relay for good and leave every later case unpublished
                log.error("police relay round failed", e);
                wait = settings.backoffCap();
            }
            int failures = consecutiveFailures.get();
            if (failures > 0) {
                wait = settings.backoff(failures, ThreadLocalRandom.current().nextDouble());
            }
            try {
                if (!wait.isZero() && stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.info("police relay stopped: {} published, {} failed attempts", published.get(), failedAttempts.get());
    }

    /**
     * One round: claims up to a batch of due rows, publishes them and records the outcome. Returns how many cases
     * were confirmed (0 when nothing was due or the broker failed).
     */
    public int relayOnce() {
        long now = clock.millis();
        List<OutboxTable.Claim> claims;
        try {
            claims = table.claim(now, now + settings.lease().toMillis(), settings.batchSize());
        } catch (StorageException e) {
            consecutiveFailures.incrementAndGet();
            log.warn("police relay cannot read the outbox: {}", e.getMessage());
            return 0;
        }
        if (claims.isEmpty()) {
            return 0;
        }
        List<PoliceDelivery> batch = new ArrayList<>(claims.size());
        List<Long> ids = new ArrayList<>(claims.size());
        for (OutboxTable.Claim c : claims) {
            batch.add(c.delivery());
            ids.add(c.delivery().outboxId());
        }
        try {
            publisher.publish(batch);
        } catch (IOException | RuntimeException e) {
            failed(claims, e);
            return 0;
        }
        published.addAndGet(batch.size());
        try {
            table.markSent(ids, clock.millis());
        } catch (StorageException e) {
            consecutiveFailures.incrementAndGet();
            log.warn("police relay: {} cases confirmed but not recorded as sent; they will be published again "
                    + "when their lease ends: {}", ids.size(), e.getMessage());
            return batch.size();
        }
        int failures = consecutiveFailures.getAndSet(0);
        if (failures > 0) {
            log.info("police relay publishing again after {} failed rounds", failures);
        }
        return batch.size();
    }

    private void failed(List<OutboxTable.Claim> claims, Exception e) {
        consecutiveFailures.incrementAndGet();
        failedAttempts.addAndGet(claims.size());
        long now = clock.millis();
        List<Long> ids = new ArrayList<>(claims.size());
        List<Long> due = new ArrayList<>(claims.size());
        for (OutboxTable.Claim c : claims) {
            ids.add(c.delivery().outboxId());
            due.add(now + settings.backoff(c.attempts(), ThreadLocalRandom.current().nextDouble()).toMillis());
        }
        OutboxTable.Claim first = claims.get(0);
        log.warn("police relay: broker failed for {} cases (first case {}, attempt {}), retrying with backoff: {}",
                claims.size(), first.delivery().caseId(), first.attempts(), e.toString());
        try {
            table.retryAt(ids, due);
        } catch (StorageException se) {
            log.warn("police relay cannot record the retry; the lease will expire instead: {}", se.getMessage());
        }
    }

    /** Cases confirmed by the broker since this relay was created. */
    public long published() {
        return published.get();
    }

    /** Case publications that failed since this relay was created (a case failing twice counts twice). */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** Cases in the outbox not yet sent or acked, across every process sharing the database. */
    public long pendingDepth() {
        return table.count(OutboxTable.PENDING);
    }
}
