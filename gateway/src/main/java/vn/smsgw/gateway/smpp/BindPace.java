package vn.smsgw.gateway.smpp;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import vn.smsgw.dispatch.outbound.Lane;

/**
 * The pace of one bind: every submit_sm takes a token of the bind's TPS; a campaign submit_sm also takes one of
 * the campaign share, so the rest of the TPS stays free for replies. Throttling pauses and slows both. Thread-safe.
 */
final class BindPace {
    private final TokenBucket all;
    private final TokenBucket campaign;
    private final long firstBackoff;
    private final long maxBackoff;
    private final AtomicInteger consecutiveThrottles = new AtomicInteger();

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
        for (long left = all.pauseLeft(); left > 0 && running.getAsBoolean(); left = all.pauseLeft()) {
            LockSupport.parkNanos(Math.min(left, 50_000_000L));
        }
    }

    /** The SMSC throttled: pause and slow down; returns the pause in nanoseconds. */
    long throttled() {
        int n = Math.min(30, consecutiveThrottles.incrementAndGet());
        long pause = Math.min(maxBackoff, firstBackoff << Math.min(n - 1, 20));
        all.slowDown(pause);
        campaign.slowDown(pause);
        return pause;
    }

    /** The SMSC accepted a submit_sm: the rate climbs back and the next throttle starts from the first backoff. */
    void accepted() {
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
