package vn.smsgw.dispatch.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Paces a campaign: hands out send slots {@code 1 / perSecond} apart, never earlier than now (no burst after an idle
 * spell) and never at or after a horizon. The next free slot lives with the caller (in the campaign row, so that
 * several processes share one pace). Immutable and thread-safe.
 */
public final class Throttle {
    private final Clock clock;
    private final double intervalMicros;

    /** Slots for {@code perSecond} messages a second, read against {@code clock}. */
    public Throttle(Clock clock, double perSecond) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be > 0: " + perSecond);
        }
        this.intervalMicros = 1_000_000.0 / perSecond;
    }

    /**
     * Up to {@code max} slots from {@code nextSlotMicros} (epoch microseconds; moved up to now when behind), all
     * before {@code horizon}.
     */
    public Plan plan(long nextSlotMicros, Instant horizon, int max) {
        long now = micros(clock.instant());
        long first = Math.max(nextSlotMicros, now);
        long end = horizon.equals(Instant.MAX) ? Long.MAX_VALUE : micros(horizon);
        long fit = first >= end ? 0 : (long) Math.floor((end - 1 - first) / intervalMicros) + 1;
        int count = (int) Math.max(0, Math.min(max, fit));
        return new Plan(first, intervalMicros, count);
    }

    static long micros(Instant at) {
        return Math.multiplyExact(at.getEpochSecond(), 1_000_000L) + at.getNano() / 1_000;
    }

    /** {@code count} slots from {@code firstMicros}, {@code intervalMicros} apart. */
    public record Plan(long firstMicros, double intervalMicros, int count) {

        /** Slot {@code i} (0-based), epoch microseconds. */
        public long slot(int i) {
            return firstMicros + (long) Math.floor(i * intervalMicros);
        }

        /** The next free slot after this plan. */
        public long next() {
            return firstMicros + (long) Math.floor(count * intervalMicros);
        }
    }
}
