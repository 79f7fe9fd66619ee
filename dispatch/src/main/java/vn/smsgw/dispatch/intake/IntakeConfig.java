package vn.smsgw.dispatch.intake;

import java.time.Duration;
import java.util.Objects;
import vn.smsgw.dispatch.outbound.ReplyTemplates;

/**
 * Intake settings. {@code dailyQuota}: reports per reporter per day (UTC+7) that count on blocklists (default 30);
 * {@code repliesPerHour}: replies per reporter per hour before replies are suppressed (default 10);
 * {@code dedupeWindow}: how long a redelivered message is recognised (default 48 h); {@code maxBatch}: messages per
 * group commit (default 1000); {@code queueCapacity}: messages waiting for a commit before intake reports overload
 * (default 20000; with several writers, each writer's queue holds an equal share, so at least {@code writers});
 * {@code reporterHashKey}: the secret keying reporter hashes on blocklists; {@code reassemblyTimeout}: how long the
 * parts of a concatenated message are awaited before it is stored as incomplete (default 5 min); {@code sweepInterval}:
 * how often that timeout and the dedupe window are enforced (default 10 s); {@code writers}: intake's writer threads,
 * each committing its own groups on its own connection (0, the default: the store's choice, which {@code Dispatch}
 * makes: one on SQLite, two on PostgreSQL).
 */
public record IntakeConfig(int dailyQuota, int repliesPerHour, Duration dedupeWindow, int maxBatch,
                           int queueCapacity, String reporterHashKey, ReplyTemplates replies,
                           Duration reassemblyTimeout, Duration sweepInterval, int writers) {
    public IntakeConfig {
        Objects.requireNonNull(dedupeWindow, "dedupeWindow");
        Objects.requireNonNull(reporterHashKey, "reporterHashKey");
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(reassemblyTimeout, "reassemblyTimeout");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (reassemblyTimeout.isNegative() || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("reassemblyTimeout must be >= 0 and sweepInterval > 0");
        }
        positive("dailyQuota", dailyQuota);
        positive("repliesPerHour", repliesPerHour);
        positive("maxBatch", maxBatch);
        positive("queueCapacity", queueCapacity);
        if (writers < 0 || writers > MAX_WRITERS) {
            throw new IllegalArgumentException("writers must be 0 (the store's choice) to " + MAX_WRITERS + ": "
                    + writers);
        }
        if (queueCapacity < writers) {
            // each writer's queue holds an equal share of the capacity, at least one place
            throw new IllegalArgumentException("queueCapacity must be at least writers (" + writers + "): "
                    + queueCapacity);
        }
        if (dedupeWindow.isNegative() || dedupeWindow.isZero()) {
            throw new IllegalArgumentException("dedupeWindow must be positive");
        }
        if (reporterHashKey.length() < 16) {
            throw new IllegalArgumentException("reporterHashKey must have at least 16 characters");
        }
    }

    /** The most intake writers a process may run. */
    public static final int MAX_WRITERS = 16;

    public static IntakeConfig defaults(String reporterHashKey) {
        return new IntakeConfig(30, 10, Duration.ofHours(48), 1000, 20_000, reporterHashKey, ReplyTemplates.defaults(),
                Duration.ofMinutes(5), Duration.ofSeconds(10), 0);
    }

    public IntakeConfig withDailyQuota(int quota) {
        return new IntakeConfig(quota, repliesPerHour, dedupeWindow, maxBatch, queueCapacity, reporterHashKey, replies,
                reassemblyTimeout, sweepInterval, writers);
    }

    public IntakeConfig withRepliesPerHour(int n) {
        return new IntakeConfig(dailyQuota, n, dedupeWindow, maxBatch, queueCapacity, reporterHashKey, replies,
                reassemblyTimeout, sweepInterval, writers);
    }

    public IntakeConfig withQueueCapacity(int n) {
        return new IntakeConfig(dailyQuota, repliesPerHour, dedupeWindow, maxBatch, n, reporterHashKey, replies,
                reassemblyTimeout, sweepInterval, writers);
    }

    public IntakeConfig withReassemblyTimeout(Duration timeout) {
        return new IntakeConfig(dailyQuota, repliesPerHour, dedupeWindow, maxBatch, queueCapacity, reporterHashKey,
                replies, timeout, sweepInterval, writers);
    }

    public IntakeConfig withWriters(int n) {
        return new IntakeConfig(dailyQuota, repliesPerHour, dedupeWindow, maxBatch, queueCapacity, reporterHashKey,
                replies, reassemblyTimeout, sweepInterval, n);
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
    }
}
