package vn.smsgw.dispatch.outbound;

import java.time.Duration;
import java.util.Objects;

/**
 * Which queued messages a submitter of one SMSC may claim: those queued for any SMSC (campaigns, and replies queued
 * before replies named their SMSC), those queued for {@code smsc} (replies to reports that came in through it), and
 * those queued for another SMSC that have waited {@code othersAfter} since they were queued, so that a reply whose
 * SMSC is gone for good, or renamed, still leaves. {@link #ANY} claims every message at once.
 */
public record SmscScope(String smsc, Duration othersAfter) {
    /** Every message, whatever SMSC it was queued for. */
    public static final SmscScope ANY = new SmscScope("", Duration.ZERO);

    public SmscScope {
        Objects.requireNonNull(smsc, "smsc");
        Objects.requireNonNull(othersAfter, "othersAfter");
        if (othersAfter.isNegative()) {
            throw new IllegalArgumentException("negative othersAfter: " + othersAfter);
        }
    }

    /**
     * The latest time (epoch millis) at which a message queued for another SMSC may have been queued for this scope
     * to take it at {@code now}.
     */
    public long othersQueuedBy(long now) {
        return smsc.isEmpty() ? Long.MAX_VALUE : now - othersAfter.toMillis();
    }

    /** Whether this scope takes, at {@code now}, a message queued for {@code queuedFor} at {@code queuedAt}. */
    public boolean takes(String queuedFor, long queuedAt, long now) {
        return queuedFor.isEmpty() || queuedFor.equals(smsc) || queuedAt <= othersQueuedBy(now);
    }
}
