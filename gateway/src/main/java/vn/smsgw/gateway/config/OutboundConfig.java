package vn.smsgw.gateway.config;

import java.time.Duration;
import java.util.Objects;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;

/**
 * {@code outbound}: {@code inDoubtHold} (default 10s, 0s–10m), how long after the first bind the claims of a
 * submitter whose process died stay held for the delivery receipts of its last submits before those without one are
 * submitted again (embedded store).
 */
public record OutboundConfig(Duration inDoubtHold) {

    /** The default hold: above an SMSC's wait for a deliver_sm_resp the dead bind never sent, plus its retry delay. */
    public static final Duration DEFAULT_IN_DOUBT_HOLD = Duration.ofSeconds(10);

    /** Checks the hold: not negative and within the time a receipt that matched nothing is kept. */
    public OutboundConfig {
        Objects.requireNonNull(inDoubtHold, "inDoubtHold");
        if (inDoubtHold.isNegative() || inDoubtHold.compareTo(JdbcOutboundQueue.UNMATCHED_RECEIPT_TTL) > 0) {
            throw new IllegalArgumentException("inDoubtHold must be between 0s and "
                    + Durations.format(JdbcOutboundQueue.UNMATCHED_RECEIPT_TTL) + ": " + inDoubtHold);
        }
    }

    /** The defaults. */
    public static OutboundConfig defaults() {
        return new OutboundConfig(DEFAULT_IN_DOUBT_HOLD);
    }

    static OutboundConfig read(ConfigNode n) {
        return new OutboundConfig(n.duration("inDoubtHold", DEFAULT_IN_DOUBT_HOLD, Duration.ZERO,
                JdbcOutboundQueue.UNMATCHED_RECEIPT_TTL));
    }
}
