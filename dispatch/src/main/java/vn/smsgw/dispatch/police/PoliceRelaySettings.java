package vn.smsgw.dispatch.police;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PoliceRelay} drains the outbox: cases per published batch ({@code batchSize}, default 500), the wait
 * when nothing is due ({@code idlePoll}, default 200 ms), how long a claimed batch stays hidden from other relays
 * ({@code lease}, default 60 s; must exceed a publish with its confirm timeout), and the capped exponential backoff
 * after a broker failure ({@code backoffBase} 500 ms, doubled per attempt up to {@code backoffCap} 60 s, with
 * jitter).
 */
public record PoliceRelaySettings(
        int batchSize, Duration idlePoll, Duration lease, Duration backoffBase, Duration backoffCap) {

    public PoliceRelaySettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
        positive(idlePoll, "idlePoll");
        positive(lease, "lease");
        positive(backoffBase, "backoffBase");
        positive(backoffCap, "backoffCap");
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must be >= backoffBase");
        }
    }

    public static PoliceRelaySettings defaults() {
        return new PoliceRelaySettings(500, Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofMillis(500),
                Duration.ofSeconds(60));
    }

    /**
     * The wait before attempt {@code attempts + 1} after {@code attempts} failed ones (≥ 1): {@code backoffBase ×
     * 2^(attempts-1)} capped at {@code backoffCap}, of which the upper half is drawn at random ({@code jitter} in
     * [0, 1)) so that relays that failed together do not retry together.
     */
    public Duration backoff(int attempts, double jitter) {
        long base = backoffBase.toMillis();
        long cap = backoffCap.toMillis();
        int shift = Math.min(Math.max(attempts, 1) - 1, 30);
        long exp = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
        long half = exp / 2;
        return Duration.ofMillis(exp - half + (long) (half * jitter));
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
