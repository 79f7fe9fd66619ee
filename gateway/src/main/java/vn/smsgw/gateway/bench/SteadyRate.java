package vn.smsgw.gateway.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Throughput over the steady part of a run: a counter is polled until it reaches a target (or time runs out); the
 * first {@code warmShare} of the target is the warm-up, the rate is what came after it.
 *
 * @param counted   events in the measured part
 * @param seconds   length of the measured part
 * @param total     events counted in all
 * @param completed whether the target was reached in time
 */
record SteadyRate(long counted, double seconds, long total, boolean completed) {

    double perSecond() {
        return seconds <= 0 ? 0 : counted / seconds;
    }

    /** Polls {@code counter} every 10 ms; runs {@code atWarm} once the warm-up is over. */
    static SteadyRate measure(LongSupplier counter, long target, double warmShare, Duration max, Runnable atWarm)
            throws InterruptedException {
        long warmAt = (long) Math.ceil(target * warmShare);
        long deadline = System.nanoTime() + max.toNanos();
        long t0 = -1;
        long n0 = 0;
        long n = counter.getAsLong();
        while (n < target && System.nanoTime() < deadline) {
            if (t0 < 0 && n >= warmAt) {
                t0 = System.nanoTime();
                n0 = n;
                atWarm.run();
            }
            Thread.sleep(10);
            n = counter.getAsLong();
        }
        long t1 = System.nanoTime();
        if (t0 < 0) {
            return new SteadyRate(0, 0, n, n >= target);
        }
        return new SteadyRate(n - n0, (t1 - t0) / 1e9, n, n >= target);
    }
}
