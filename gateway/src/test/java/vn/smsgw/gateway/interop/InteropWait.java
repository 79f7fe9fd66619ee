package vn.smsgw.gateway.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting, in the interop tests, for what a foreign SMSC and the gateway do in their own threads and processes. */
final class InteropWait {
    /** How long any one thing may take: long, since the machine may be loaded and nothing here is late on purpose. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private InteropWait() {
    }

    /** Polls {@code condition} every 20 ms; fails with {@code what} and the {@code state} then after {@link #WAIT}. */
    static void await(BooleanSupplier condition, Supplier<Object> state, String what) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + WAIT + ": " + what + "; now: " + state.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
