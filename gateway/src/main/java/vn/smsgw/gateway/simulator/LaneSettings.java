package vn.smsgw.gateway.simulator;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How a {@link DeliveryLane} sends: thread name, window, rate, how long to wait for a response, redelivery, and the
 * nanosecond ticker.
 */
record LaneSettings(String name, int window, int ratePerSecond, Duration responseTimeout, Duration retryDelay,
        int maxAttempts, LongSupplier ticker) {
}
