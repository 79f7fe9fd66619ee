package vn.smsgw.gateway.smpp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;

/** Waits for a condition with a deadline, checking every few milliseconds, instead of sleeping a guessed time. */
final class Poll {

    private Poll() {
    }

    static void until(Duration deadline, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                Assertions.fail("not within " + deadline + ": " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            if (Thread.interrupted()) {
                Assertions.fail("interrupted while waiting for " + what);
            }
        }
    }
}
