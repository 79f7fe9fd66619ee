package vn.smsgw.gateway.config;

import java.time.Duration;
import java.util.Optional;

/** Durations written as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 48h} or {@code 7d}. */
public final class Durations {
    private Durations() {
    }

    /** The duration {@code text} denotes, or empty when it is not of that form. */
    public static Optional<Duration> parse(String text) {
        String s = text.trim().toLowerCase();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 12) {
            return Optional.empty();
        }
        long n = Long.parseLong(s.substring(0, i));
        if (n == 0 && s.substring(i).isBlank()) {
            return Optional.of(Duration.ZERO); // 0 is 0 in any unit ("enquireLinkInterval: 0", off)
        }
        return switch (s.substring(i).trim()) {
            case "ms" -> Optional.of(Duration.ofMillis(n));
            case "s" -> Optional.of(Duration.ofSeconds(n));
            case "m" -> Optional.of(Duration.ofMinutes(n));
            case "h" -> Optional.of(Duration.ofHours(n));
            case "d" -> Optional.of(Duration.ofDays(n));
            default -> Optional.empty();
        };
    }

    static String format(Duration d) {
        if (d.toMillis() % 86_400_000 == 0 && !d.isZero()) {
            return d.toDays() + "d";
        }
        if (d.toMillis() % 3_600_000 == 0 && !d.isZero()) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0 && !d.isZero()) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }
}
