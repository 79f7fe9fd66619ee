package vn.smsgw.gateway.smpp;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket that paces submit_sm to a rate, slows down when the SMSC throttles and climbs back as submits are accepted.
 * Time comes from a nanosecond ticker ({@link System#nanoTime()} in production). Thread-safe.
 */
public final class TokenBucket {

    /*
     * Tokens accrue continuously at the current rate up to the burst. slowDown halves the current rate (never under
     * MIN_RATE) and empties the bucket until the end of the pause, so nobody sends during it; each speedUp (an
     * accepted submit_sm) adds a twentieth of the configured rate back, up to it. Against an SMSC that throttles
     * every Nth submit_sm the rate settles where the halving and the climbing balance, instead of sliding to the floor.
     */

    private static final long SECOND = 1_000_000_000L;
    private static final double MIN_RATE = 1.0;
    /** Rounding slack, so that tokens summed from many small intervals still make whole ones. */
    private static final double EPSILON = 1e-9;

    private final double maxRate;
    private final double burst;
    private final LongSupplier ticker;
    private double rate;
    private double tokens;
    private long refilledAt;

    /** A full bucket: {@code ratePerSecond} tokens a second, at most {@code burst} stored. */
    public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoTicker) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        this.maxRate = ratePerSecond;
        this.rate = ratePerSecond;
        this.burst = burst;
        this.ticker = Objects.requireNonNull(nanoTicker, "nanoTicker");
        this.tokens = burst;
        this.refilledAt = ticker.getAsLong();
    }

    /** Takes a token when one is there and returns 0; otherwise takes nothing and returns the nanoseconds to wait. */
    public synchronized long tryAcquire() {
        long now = ticker.getAsLong();
        accrue(now);
        if (tokens >= 1 - EPSILON) {
            tokens = Math.max(0, tokens - 1);
            return 0;
        }
        if (now < refilledAt) {
            return refilledAt - now + (long) Math.ceil((1 - tokens) * SECOND / rate);
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * SECOND / rate));
    }

    /** Halves the rate and sends nothing for {@code pauseNanos}. */
    public synchronized void slowDown(long pauseNanos) {
        long now = ticker.getAsLong();
        accrue(now);
        rate = Math.max(Math.min(MIN_RATE, maxRate), rate / 2);
        tokens = 0;
        refilledAt = Math.max(refilledAt, now + Math.max(0, pauseNanos));
    }

    /** Nanoseconds until the pause of the last {@link #slowDown} ends; 0 when none lasts. */
    public synchronized long pauseLeft() {
        return Math.max(0, refilledAt - ticker.getAsLong());
    }

    /** Climbs back towards the configured rate by a twentieth of it. */
    public synchronized void speedUp() {
        if (rate < maxRate) {
            accrue(ticker.getAsLong());
            rate = Math.min(maxRate, rate + maxRate / 20);
        }
    }

    /** The current rate in tokens per second. */
    public synchronized double rate() {
        accrue(ticker.getAsLong());
        return rate;
    }

    private void accrue(long now) {
        if (now > refilledAt) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * rate / SECOND);
            refilledAt = now;
        }
    }
}
