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

    /**
     * The window in its largest whole unit, as the reason of a listing gives it: {@code 7d}, {@code 36h},
     * {@code 90m}, {@code 45s} ({@code 1500ms} below a second).
     */
    public String windowText() {
        if (window.toMillis() % 1_000 != 0) {
            return window.toMillis() + "ms";
        }
        long seconds = window.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
