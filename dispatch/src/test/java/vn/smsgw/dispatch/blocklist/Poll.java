package vn.smsgw.dispatch.blocklist;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;

/** Waits for a condition with a deadline (instead of sleeping for a guessed time). */
final class Poll {
    private Poll() {
    }

    static void until(Duration deadline, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                Assertions.fail("not within " + deadline + ": " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Assertions.fail("interrupted while waiting for " + what);
            }
        }
    }
}
