package vn.smsgw.gateway.simulator;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A latency histogram filled by many threads without locking: microsecond buckets, exact below 128 µs, then 64
 * buckets per power of two (within 1.6 %). Thread-safe; a {@link #reset()} racing with recording may lose samples
 * recorded at that moment.
 */
public final class AckLatencies {
    private static final int EXACT = 128;
    private static final int SUB = 64;
    private static final int BUCKETS = EXACT + SUB * 40;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Records one latency of {@code nanos} nanoseconds. */
    public void record(long nanos) {
        counts.incrementAndGet(index(Math.max(0, nanos / 1_000)));
    }

    /** Forgets every sample. */
    public void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
    }

    /** Samples recorded since the last reset. */
    public long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, the upper edge of its bucket; 0 when empty. */
    public double percentileMillis(double p) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return upperMicros(i) / 1_000.0;
            }
        }
        return upperMicros(BUCKETS - 1) / 1_000.0;
    }

    static int index(long micros) {
        if (micros < EXACT) {
            return (int) micros;
        }
        int exp = 63 - Long.numberOfLeadingZeros(micros);
        int sub = (int) (micros >>> (exp - 6)) & (SUB - 1);
        return Math.min(BUCKETS - 1, EXACT + (exp - 7) * SUB + sub);
    }

    static long upperMicros(int index) {
        if (index < EXACT) {
            return index + 1L;
        }
        int exp = (index - EXACT) / SUB + 7;
        int sub = (index - EXACT) % SUB;
        return (long) (SUB + sub + 1) << (exp - 6);
    }
}
