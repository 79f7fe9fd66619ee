package vn.smsgw.dispatch.blocklist;

import java.time.Duration;
import java.util.Objects;

/** How many distinct reporters ({@code reporters} ≥ 1) within {@code window} (positive) list a source. */
public record Threshold(int reporters, Duration window) {
    public Threshold {
        Objects.requireNonNull(window, "window");
        if (reporters < 1) {
            throw new IllegalArgumentException("threshold reporters must be >= 1: " + reporters);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("threshold window must be positive: " + window);
        }
    }

    /** {@code n} reporters within {@code days} days. */
    public static Threshold of(int n, int days) {
        return new Threshold(n, Duration.ofDays(days));
    }
}
