package vn.smsgw.gateway.config;

import java.time.Duration;
import java.util.Objects;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;

/**
 * {@code outbound}: {@code inDoubtHold} (default 10s, 0s–10m), how long after the first bind the claims of a
 * submitter whose process died stay held for the delivery receipts of its last submits before those without one are
 * submitted again (embedded store); {@code commitInterval} (default 5ms, 0s–100ms), the least time between two commits
 * of the outbound queue's combined writes (claims, settlements, receipts) on the embedded store;
 * {@code otherSmscAfter} (default 10m, 0s–7d), how long a reply waits for the SMSC its report came in on before any
 * SMSC may send it (0s: any SMSC at once).
 */
public record OutboundConfig(Duration inDoubtHold, Duration commitInterval, Duration otherSmscAfter) {

    /** The default wait of a reply for its own SMSC: an SMSC outage of minutes delays its replies, no more. */
    public static final Duration DEFAULT_OTHER_SMSC_AFTER = Duration.ofMinutes(10);

    /** The longest wait of a reply for its own SMSC. */
    public static final Duration MAX_OTHER_SMSC_AFTER = Duration.ofDays(7);

    /** The default hold: above an SMSC's wait for a deliver_sm_resp the dead bind never sent, plus its retry delay. */
    public static final Duration DEFAULT_IN_DOUBT_HOLD = Duration.ofSeconds(10);

    /** The default commit interval: fewer, larger commits of the outbound queue on SQLite. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(5);

    /** The longest commit interval: the most latency it may add to a reply. */
    public static final Duration MAX_COMMIT_INTERVAL = Duration.ofMillis(100);

    /** Checks the hold (within the time a receipt that matched nothing is kept) and the commit interval. */
    public OutboundConfig {
        Objects.requireNonNull(inDoubtHold, "inDoubtHold");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(otherSmscAfter, "otherSmscAfter");
        if (otherSmscAfter.isNegative() || otherSmscAfter.compareTo(MAX_OTHER_SMSC_AFTER) > 0) {
            throw new IllegalArgumentException("otherSmscAfter must be between 0s and "
                    + Durations.format(MAX_OTHER_SMSC_AFTER) + ": " + otherSmscAfter);
        }
        if (commitInterval.isNegative() || commitInterval.compareTo(MAX_COMMIT_INTERVAL) > 0) {
            throw new IllegalArgumentException("commitInterval must be between 0s and "
                    + Durations.format(MAX_COMMIT_INTERVAL) + ": " + commitInterval);
        }
        if (inDoubtHold.isNegative() || inDoubtHold.compareTo(JdbcOutboundQueue.UNMATCHED_RECEIPT_TTL) > 0) {
            throw new IllegalArgumentException("inDoubtHold must be between 0s and "
                    + Durations.format(JdbcOutboundQueue.UNMATCHED_RECEIPT_TTL) + ": " + inDoubtHold);
        }
    }

    /** The defaults. */
    public static OutboundConfig defaults() {
        return new OutboundConfig(DEFAULT_IN_DOUBT_HOLD, DEFAULT_COMMIT_INTERVAL, DEFAULT_OTHER_SMSC_AFTER);
    }

    static OutboundConfig read(ConfigNode n) {
        return new OutboundConfig(n.duration("inDoubtHold", DEFAULT_IN_DOUBT_HOLD, Duration.ZERO,
                JdbcOutboundQueue.UNMATCHED_RECEIPT_TTL),
                n.duration("commitInterval", DEFAULT_COMMIT_INTERVAL, Duration.ZERO, MAX_COMMIT_INTERVAL),
                n.duration("otherSmscAfter", DEFAULT_OTHER_SMSC_AFTER, Duration.ZERO, MAX_OTHER_SMSC_AFTER));
    }
}
