package vn.smsgw.gateway.smpp;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays that double from {@code min} up to {@code max}, with jitter: attempt n waits a uniformly random
 * time between {@code min} and {@code min(max, min * 2^(n+1))}. Many binds losing the same SMSC therefore do not
 * come back in step, the first retry included, and no attempt follows another sooner than {@code min}. Immutable; thread-safe if the random
 * source is.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    /** {@code random} returns values in [0, 1). */
    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before attempt {@code attempt} (0 for the first retry). */
    Duration delay(int attempt) {
        long cap = cap(attempt);
        return Duration.ofMillis(minMillis + (long) (random.getAsDouble() * (cap - minMillis)));
    }

    /**
     * A delay of attempt {@code attempt} that is never shorter than {@code floorMillis}: uniformly random between the
     * floor and the larger of the floor and the attempt's cap.
     */
    Duration delayAtLeast(int attempt, long floorMillis) {
        long cap = Math.max(cap(attempt), floorMillis);
        long low = Math.min(Math.max(floorMillis, minMillis), cap);
        return Duration.ofMillis(low + (long) (random.getAsDouble() * (cap - low)));
    }

    /** The upper bound of {@link #delay(int)}. */
    long cap(int attempt) {
        int doublings = Math.min(Math.max(attempt, 0), 40) + 1;
        long cap = minMillis;
        for (int i = 0; i < doublings && cap < maxMillis; i++) {
            cap *= 2;
        }
        return Math.min(cap, maxMillis);
    }
}
