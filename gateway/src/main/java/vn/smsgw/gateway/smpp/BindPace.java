package vn.smsgw.gateway.smpp;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import vn.smsgw.dispatch.outbound.Lane;

/**
 * The pace of one bind: every submit_sm takes a token of the bind's TPS; a campaign submit_sm also takes one of
 * the campaign share, so the rest of the TPS stays free for replies. Throttling pauses and slows both. Thread-safe.
 */
final class BindPace {

    /*
     * A throttle episode: the SMSC answers ESME_RTHROTTLED (or ESME_RMSGQFUL) to the submit_sm it got too fast, and
     * with a window of N up to N of them are in flight at the pace that caused it, so their answers come together.
     * The bind slows down once per episode: each submit_sm is stamped with the number of slow-downs so far when it
     * goes out, and an answer slows the bind down only when no slow-down happened since its submit_sm went out.
     * Answers to submit_sm sent before the last slow-down speak of the old pace: a throttle among them neither
     * halves the rate again nor doubles the pause (a window of 10 all throttled used to cut the rate 2^10 times, to
     * the 1 TPS floor, and the pause to its longest), and an acceptance among them neither climbs the rate back nor
     * resets the backoff (the other places of a window, accepted, used to undo a slow-down at once). A submit_sm sent
     * at the new pace and throttled again starts the next episode, with the pause doubled.
     */

    private final TokenBucket all;
    private final TokenBucket campaign;
    private final long firstBackoff;
    private final long maxBackoff;
    private final AtomicInteger consecutiveThrottles = new AtomicInteger();
    private final AtomicLong slowDowns = new AtomicLong();

    BindPace(SubmitterConfig config, LongSupplier nanoTicker) {
        int burst = Math.max(1, Math.min(config.tps(), config.window()));
        this.all = new TokenBucket(config.tps(), burst, nanoTicker);
        this.campaign = new TokenBucket(config.campaignTps(), burst, nanoTicker);
        this.firstBackoff = config.throttleBackoff().toNanos();
        this.maxBackoff = config.maxThrottleBackoff().toNanos();
    }

    /** Waits for the tokens one submit_sm of {@code lane} needs; false when {@code running} turned false first. */
    boolean await(Lane lane, BooleanSupplier running) {
        if (lane == Lane.CAMPAIGN && !take(campaign, running)) {
            return false;
        }
        return take(all, running);
    }

    /** Waits while a throttle's pause lasts, or until {@code running} turns false. */
    void awaitPause(BooleanSupplier running) {
        for (long left = pauseLeft(); left > 0 && running.getAsBoolean(); left = pauseLeft()) {
            LockSupport.parkNanos(Math.min(left, 50_000_000L));
        }
    }

    /** Nanoseconds until the current throttle pause ends; 0 when none lasts. */
    long pauseLeft() {
        return all.pauseLeft();
    }

    /** How many times the bind slowed down so far: the stamp of a submit_sm going out now. */
    long slowDowns() {
        return slowDowns.get();
    }

    /**
     * The SMSC throttled a submit_sm stamped {@code sentAfter} ({@link #slowDowns()} when it went out): pause and
     * slow down, unless the bind slowed down since it went out. Returns the pause begun in nanoseconds, 0 if none.
     */
    long throttled(long sentAfter) {
        if (!slowDowns.compareAndSet(sentAfter, sentAfter + 1)) {
            return 0;
        }
        int n = Math.min(30, consecutiveThrottles.incrementAndGet());
        long pause = Math.min(maxBackoff, firstBackoff << Math.min(n - 1, 20));
        all.slowDown(pause);
        campaign.slowDown(pause);
        return pause;
    }

    /**
     * The SMSC accepted a submit_sm stamped {@code sentAfter}: when it went out at the current pace, the rate climbs
     * back and the next throttle starts from the first backoff.
     */
    void accepted(long sentAfter) {
        if (sentAfter != slowDowns.get()) {
            return;
        }
        consecutiveThrottles.set(0);
        all.speedUp();
        campaign.speedUp();
    }

    double rate() {
        return all.rate();
    }

    private static boolean take(TokenBucket bucket, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            long wait = bucket.tryAcquire();
            if (wait == 0) {
                return true;
            }
            LockSupport.parkNanos(Math.min(wait, 50_000_000L));
        }
        return false;
    }
}
