package vn.smsgw.dispatch.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The daily hours a campaign may send in, Asia/Ho_Chi_Minh time: from {@code from} (inclusive) to {@code to}
 * (exclusive); {@code from} after {@code to} spans midnight, equal bounds mean all day. Immutable.
 */
public record SendingWindow(LocalTime from, LocalTime to) {
    /** The campaign time zone (UTC+7, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Checks for nulls and whole minutes. */
    public SendingWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.getSecond() != 0 || from.getNano() != 0 || to.getSecond() != 0 || to.getNano() != 0) {
            throw new IllegalArgumentException("window bounds are whole minutes");
        }
    }

    /** 07:00–21:00, the default. */
    public static SendingWindow standard() {
        return new SendingWindow(LocalTime.of(7, 0), LocalTime.of(21, 0));
    }

    /** A window written {@code HH:mm-HH:mm} (an en dash works too). */
    public static SendingWindow parse(String text) {
        String[] bounds = text.trim().split("\\s*[-\u2013]\\s*");
        if (bounds.length != 2) {
            throw new IllegalArgumentException("window must look like 07:00-21:00, not '" + text + "'");
        }
        try {
            return new SendingWindow(LocalTime.parse(bounds[0]), LocalTime.parse(bounds[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("window must look like 07:00-21:00, not '" + text + "'", e);
        }
    }

    /** Whether sending is allowed at {@code at}. */
    public boolean isOpen(Instant at) {
        if (from.equals(to)) {
            return true;
        }
        LocalTime t = at.atZone(ZONE).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** {@code at} when the window is open then, else the next time it opens. */
    public Instant nextOpen(Instant at) {
        if (isOpen(at)) {
            return at;
        }
        ZonedDateTime z = at.atZone(ZONE);
        ZonedDateTime today = z.toLocalDate().atTime(from).atZone(ZONE);
        return (today.isAfter(z) ? today : today.plusDays(1)).toInstant();
    }

    /** When the window that is open at {@code at} closes; {@link Instant#MAX} for an all-day window. */
    public Instant closesAfter(Instant at) {
        if (from.equals(to)) {
            return Instant.MAX;
        }
        ZonedDateTime z = at.atZone(ZONE);
        ZonedDateTime close = z.toLocalDate().atTime(to).atZone(ZONE);
        return (close.isAfter(z) ? close : close.plusDays(1)).toInstant();
    }

    /** The length of the window each day. */
    public Duration daily() {
        if (from.equals(to)) {
            return Duration.ofDays(1);
        }
        Duration d = Duration.between(from, to);
        return d.isNegative() ? d.plusDays(1) : d;
    }

    /** When {@code sending} of open-window time, begun at {@code start}, ends. */
    public Instant finish(Instant start, Duration sending) {
        Instant at = nextOpen(start);
        Duration left = sending;
        while (true) {
            Instant close = closesAfter(at);
            if (close == Instant.MAX || Duration.between(at, close).compareTo(left) >= 0) {
                return at.plus(left);
            }
            left = left.minus(Duration.between(at, close));
            at = nextOpen(close);
        }
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
