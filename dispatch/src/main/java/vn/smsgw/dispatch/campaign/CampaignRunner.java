package vn.smsgw.dispatch.campaign;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;

/**
 * Feeds running campaigns into the outbound queue's CAMPAIGN lane, paced at each campaign's TPS cap, inside its
 * sending window and validity, and copies the outcomes back onto its recipients. One per process; several processes
 * on one PostgreSQL share the work. {@link #runOnce} is one pass (tests call it against a fake clock); {@link #start}
 * runs passes on a thread. Thread-safe.
 */
public final class CampaignRunner implements AutoCloseable {

    /*
     * Why the runner feeds the outbound queue instead of the submitter claiming recipients itself: the queue already
     * has everything a submission needs (claims with leases, FOR UPDATE SKIP LOCKED across processes, settlement
     * only by the claim's owner, receipt matching, replies before campaigns with a reserved share of each bind's
     * TPS), and the submitter stays one code path for both lanes. The price is one extra row write per recipient,
     * which batching keeps cheap (a move of 1,000 recipients is one transaction of two multi-row statements).
     *
     * Crash safety. A move is one transaction: it reads PENDING recipients (SKIP LOCKED on PostgreSQL), inserts
     * their outbound rows with RETURNING ids, marks them QUEUED with those ids and advances the campaign's next send
     * slot. It commits whole or not at all, so a crash can neither skip a recipient nor queue it twice. From then on
     * the outbound row is the recipient's truth: after a crash, rows CLAIMED by the dead process come back when their
     * lease ends (on the embedded store, at the restart: the gateway's DeadClaims), those whose receipts arrive in
     * the meantime are settled by them (JdbcOutboundQueue.settleInDoubt; a multi-part message with a receipt for some
     * of its parts is left UNKNOWN, never sent again), and the rest are submitted again; only those whose submit_sm
     * had reached the SMSC without any receipt in time are sent twice: at most one submitter window per bind plus its
     * unwritten settlements. Claims submitted again are counted (outbound attempts > 1) and reported
     * as "resent", an upper bound: some had not been submitted before the crash.
     *
     * Pacing. Each message gets a not_before slot 1/rate apart (rate = TPS cap / segments per SMS) from the campaign
     * row's next_slot, which every process advances under the campaign row lock, so two processes share one pace.
     * Slots are handed out at most LOOKAHEAD ahead and never past the window's close or the validity's end, and the
     * unclaimed backlog stays under BACKLOG of sending: pausing or cancelling deletes those unclaimed rows in its own
     * transaction, so submission stops at once (bar the due ones a submitter holds), and a window closes on time.
     * A move also tells the queue until when the campaign may send (campaign.sends_until: the window's close or the
     * validity's end, whichever comes first; reset by every change of state): a message that comes back to the queue
     * unsent (a submitter gave it back, or died holding it) is claimed again only within that time, and a pass over
     * a paused or stopped campaign takes such messages out as the pause or the stop took the others.
     *
     * Outcomes. A trigger on the outbound table records each campaign message whose state becomes final (DELIVERED,
     * FAILED with its error, EXPIRED, ...) in campaign_outcome, in the transaction that makes it final (migration 12
     * says why); each pass copies those outcomes onto their QUEUED recipients and deletes the rows it copied; a submit refused with a temporary error (queue full, throttled, system error) puts the recipient
     * back to PENDING while attempts remain. A campaign is DONE when no recipient is PENDING and nothing is left
     * unclaimed; receipts keep arriving and are still copied. When the validity ends, whatever is unsent EXPIRES.
     */

    private static final Logger log = LoggerFactory.getLogger(CampaignRunner.class);

    private final Campaigns campaigns;
    private final Clock clock;
    private final RunnerSettings settings;
    private final AtomicLong moved = new AtomicLong();
    private final Thread thread;
    private volatile boolean running;

    /** A runner over {@code campaigns}, reading time from {@code clock}. */
    public CampaignRunner(Campaigns campaigns, Clock clock, RunnerSettings settings) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.thread = new Thread(this::loop, "smsgw-campaign-runner");
        this.thread.setDaemon(true);
    }

    /** Recipients this runner moved into the outbound queue so far. */
    public long moved() {
        return moved.get();
    }

    /** Starts passes every {@link RunnerSettings#tick()}. */
    public synchronized void start() {
        if (running || thread.isAlive()) {
            throw new IllegalStateException("campaign runner already started");
        }
        running = true;
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            try {
                runOnce();
            } catch (StorageException e) {
                log.warn("campaign pass failed: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.error("campaign pass failed", e);
            }
            LockSupport.parkNanos(settings.tick().toNanos());
        }
    }

    /** One pass over every active campaign; returns how many recipients it moved into the outbound queue. */
    public int runOnce() {
        int n = 0;
        for (Campaign k : campaigns.active()) {
            n += pass(k);
        }
        for (Campaign k : campaigns.settling()) {
            campaigns.unqueueReturned(k.id());
            reconcile(k);
            // the recipients a cancel or the end of validity left PENDING, a chunk a transaction, so that intake's
            // commits go between them
            while (campaigns.settleStopped(k.id()) == RecipientRows.SETTLE_CHUNK) {
                log.debug("campaign {}: settling its waiting recipients", k.id());
            }
        }
        return n;
    }

    private int pass(Campaign k) {
        Instant now = clock.instant();
        if (k.state() == CampaignState.SCHEDULED) {
            if (now.isBefore(k.spec().startAt())) {
                return 0;
            }
            campaigns.apply(k.id(), CampaignAction.BEGIN);
            Optional<Campaign> begun = campaigns.find(k.id());
            if (begun.isEmpty() || begun.get().state() != CampaignState.RUNNING) {
                return 0;
            }
            k = begun.get();
        }
        reconcile(k);
        if (k.state() == CampaignState.PAUSED) {
            campaigns.unqueueReturned(k.id());
            // a campaign paused before it began has no validity period yet: it waits for its resume
            if (Campaigns.begun(k) && !now.isBefore(k.expiresAt())) {
                campaigns.apply(k.id(), CampaignAction.FINISH);
            }
            return 0;
        }
        if (!now.isBefore(k.expiresAt())) {
            campaigns.apply(k.id(), CampaignAction.FINISH);
            return 0;
        }
        int total = 0;
        for (int i = 0; i < settings.movesPerPass(); i++) {
            int n = move(k, now);
            total += n;
            if (n < settings.batch()) {
                break;
            }
        }
        if (total == 0) {
            finishIfDone(k);
        }
        return total;
    }

    private int move(Campaign k, Instant now) {
        SendingWindow w = k.spec().window();
        if (!w.isOpen(now)) {
            return 0;
        }
        double perSecond = (double) k.spec().tps() / k.spec().segments();
        Instant horizon = min(min(now.plus(settings.lookahead()), w.closesAfter(now)), k.expiresAt());
        // the backlog: what the TPS sends in settings.backlog(), but no more than a pass can move (a large backlog
        // of a fast campaign only lengthens the walks over queued recipients). No floor above that: messages queued
        // while the submitter is stalled (its bind down) have slots in the past and go out at the bind's speed when
        // it comes back, so a slow campaign's backlog must stay a couple of seconds of its own rate
        long backlogCap = Math.max(1, Math.min((long) settings.batch() * settings.movesPerPass(),
                (long) Math.ceil(perSecond * settings.backlog().toMillis() / 1000.0)));
        Throttle throttle = new Throttle(clock, perSecond);
        long nowMillis = clock.millis();
        long sendsUntil = min(w.closesAfter(now), k.expiresAt()).toEpochMilli();
        int n = campaigns.database().inTransaction(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            Optional<Campaign> locked = CampaignRows.find(c, campaigns.database().dialect(), k.id(), true);
            if (locked.isEmpty() || locked.get().state() != CampaignState.RUNNING) {
                return 0;
            }
            CampaignRows.setSendsUntil(c, k.id(), sendsUntil);
            long room = backlogCap - RecipientRows.unsent(c, k.id());
            if (room <= 0) {
                return 0;
            }
            Throttle.Plan plan = throttle.plan(CampaignRows.nextSlot(c, k.id()), horizon,
                    (int) Math.min(room, settings.batch()));
            if (plan.count() == 0) {
                return 0;
            }
            int done = RecipientRows.transfer(c, campaigns.database().dialect(), locked.get(), plan, nowMillis);
            if (done > 0) {
                CampaignRows.setNextSlot(c, k.id(), new Throttle.Plan(plan.firstMicros(), plan.intervalMicros(),
                        done).next(), nowMillis);
            }
            return done;
        });
        moved.addAndGet(n);
        return n;
    }

    /**
     * Copies final outcomes onto recipients: read on a snapshot (no write lock, so submits, settlements and receipts
     * are not held up by the read), then written in a short transaction.
     */
    private void reconcile(Campaign k) {
        int max = settings.batch() * 5;
        while (true) {
            List<RecipientRows.Outcome> outcomes = campaigns.database().read(tx ->
                    RecipientRows.finalOutcomes(JdbcTx.of(tx).connection(), k, max));
            if (outcomes.isEmpty()) {
                return;
            }
            campaigns.database().inTransaction(tx -> {
                Connection c = JdbcTx.of(tx).connection();
                // under the campaign's row lock: a stop that committed since k was read decides what a retry becomes
                CampaignState now = CampaignRows.find(c, campaigns.database().dialect(), k.id(), true)
                        .map(Campaign::state).orElse(k.state());
                RecipientRows.applyOutcomes(c, k, now, outcomes);
                return null;
            });
            if (outcomes.size() < max) {
                return;
            }
        }
    }

    private void finishIfDone(Campaign k) {
        // a read first, so that a pass over a campaign with work left commits nothing; the finish checks again
        boolean done = campaigns.database().read(tx -> !RecipientRows.anyLeft(JdbcTx.of(tx).connection(), k.id()));
        if (done) {
            campaigns.finishIfDone(k.id());
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** How the runner paces itself. */
    public record RunnerSettings(Duration tick, int batch, int movesPerPass, Duration lookahead, Duration backlog) {
        /** Checks the values. */
        public RunnerSettings {
            Objects.requireNonNull(tick, "tick");
            Objects.requireNonNull(lookahead, "lookahead");
            Objects.requireNonNull(backlog, "backlog");
            if (batch < 1 || movesPerPass < 1) {
                throw new IllegalArgumentException("batch and movesPerPass must be >= 1");
            }
        }

        /** A pass every 100 ms, moves of up to 1,000 recipients, slots up to 1 s ahead, backlog up to 2 s. */
        public static RunnerSettings defaults() {
            return new RunnerSettings(Duration.ofMillis(100), 1_000, 20, Duration.ofSeconds(1),
                    Duration.ofSeconds(2));
        }
    }
}
