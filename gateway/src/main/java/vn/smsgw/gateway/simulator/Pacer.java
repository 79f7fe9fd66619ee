package vn.smsgw.gateway.simulator;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/** Spaces events at a fixed rate across threads; a rate of 0 never waits. Thread-safe. */
final class Pacer {

    private final long intervalNanos;
    private final LongSupplier ticker;
    private long nextSlot;

    Pacer(int perSecond, LongSupplier ticker) {
        this.intervalNanos = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
        this.ticker = ticker;
        this.nextSlot = ticker.getAsLong();
    }

    /** Waits for the caller's slot (parks the thread: the simulator's pacing, not a test wait). */
    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long slot = reserve();
        for (long wait = slot - ticker.getAsLong(); wait > 0; wait = slot - ticker.getAsLong()) {
            LockSupport.parkNanos(wait);
        }
    }

    private synchronized long reserve() {
        long slot = Math.max(nextSlot, ticker.getAsLong());
        nextSlot = slot + intervalNanos;
        return slot;
    }
}
