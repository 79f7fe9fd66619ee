package vn.smsgw.gateway.simulator;

import java.time.Duration;
import java.util.function.LongSupplier;

/** How a {@link DeliveryLane} sends: thread names, window, rate, redelivery, and the nanosecond ticker. */
record LaneSettings(
        String name, int window, int ratePerSecond, Duration retryDelay, int maxAttempts, LongSupplier ticker) {
}
