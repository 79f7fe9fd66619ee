package vn.smsgw.gateway.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, merged from per-thread recorders, with percentiles. Not thread-safe. */
final class Latencies {
    private long[] samples = new long[1 << 16];
    private int size;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds; 0 when empty. Sorts the samples. */
    double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        Arrays.sort(samples, 0, size);
        int idx = (int) Math.ceil(p / 100.0 * size) - 1;
        return samples[Math.max(0, Math.min(size - 1, idx))] / 1e6;
    }
}
