package vn.smsgw.dispatch.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What a campaign sends, to whom it is paced and when: valid by construction.
 *
 * @param name        1–64 characters, unique among campaigns
 * @param text        the warning as written (any Unicode), at most 255 segments in its mode
 * @param sender      a short code (3–6 digits) or an alphanumeric brandname of at most 11 characters
 * @param tps         the cap in submit_sm (SMS segments) per second, 1–100,000
 * @param validity    how long after its start the campaign may send; 1 minute to 30 days
 * @param startAt     the earliest start; {@link Instant#EPOCH} for as soon as it is started
 * @param maxAttempts moves into the outbound queue per recipient, 1–10 (retries of temporary submit errors)
 */
public record CampaignSpec(String name, String text, EncodingMode mode, String sender, SendingWindow window,
                           int tps, Duration validity, Instant startAt, int maxAttempts) {
    static final int MAX_TPS = 100_000;
    /** The earliest start time a campaign may be given. */
    static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
    /** The latest: its validity (at most 30 days) then ends within the two-digit years of SMPP times. */
    static final Instant LATEST_START = Instant.parse("2099-12-01T00:00:00Z");

    /** Checks every field. */
    public CampaignSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(startAt, "startAt");
        name = name.strip();
        if (name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException("name must be 1-64 characters");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("text is empty");
        }
        if (!sender.matches("[0-9]{3,6}|[A-Za-z0-9][A-Za-z0-9 ._-]{0,10}") || sender.matches("[0-9]{7,}")) {
            throw new IllegalArgumentException("sender must be a short code (3-6 digits) or a brandname of at most "
                    + "11 letters, digits, spaces, '.', '_' or '-': '" + sender + "'");
        }
        if (tps < 1 || tps > MAX_TPS) {
            throw new IllegalArgumentException("tps must be between 1 and " + MAX_TPS + ": " + tps);
        }
        if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("validity must be between 1 minute and 30 days: " + validity);
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 10: " + maxAttempts);
        }
        if (!startAt.equals(Instant.EPOCH) && (startAt.isBefore(EARLIEST_START) || startAt.isAfter(LATEST_START))) {
            // SMPP times have two-digit years (validity_period), and an instant far out overflows epoch milliseconds
            throw new IllegalArgumentException("startAt must be between " + EARLIEST_START + " and " + LATEST_START
                    + ": " + startAt);
        }
        int segments;
        try {
            segments = mode.length(text).segments();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("text: " + e.getMessage(), e);
        }
        if (segments > 255) {
            throw new IllegalArgumentException("text needs " + segments + " segments; at most 255");
        }
    }

    /** A campaign with the defaults: window 07:00–21:00, validity 24 h, no start time, 3 attempts. */
    public static CampaignSpec of(String name, String text, EncodingMode mode, String sender, int tps) {
        return new CampaignSpec(name, text, mode, sender, SendingWindow.standard(), tps, Duration.ofHours(24),
                Instant.EPOCH, 3);
    }

    /** The text as submitted. */
    public String body() {
        return mode.prepare(text);
    }

    /** SMS segments per recipient. */
    public int segments() {
        return mode.length(text).segments();
    }

    public CampaignSpec withWindow(SendingWindow w) {
        return new CampaignSpec(name, text, mode, sender, w, tps, validity, startAt, maxAttempts);
    }

    public CampaignSpec withValidity(Duration v) {
        return new CampaignSpec(name, text, mode, sender, window, tps, v, startAt, maxAttempts);
    }

    public CampaignSpec withStartAt(Instant at) {
        return new CampaignSpec(name, text, mode, sender, window, tps, validity, at, maxAttempts);
    }

    /**
     * A start time as an operator writes it: an instant ({@code 2025-03-02T00:00:00Z}) or a Ho Chi Minh local time
     * ({@code 2025-03-02T07:00}, the sending window's zone); {@link Instant#EPOCH} (when started) for blank.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Instant parseStart(String text) {
        if (text == null || text.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text.strip()).atZone(SendingWindow.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("start must look like 2025-03-02T07:00 (Ho Chi Minh time) or "
                        + "2025-03-02T00:00:00Z, not '" + text + "'", e);
            }
        }
    }
}
