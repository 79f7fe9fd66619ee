package vn.smsgw.gateway.smpp;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one bind's {@link Submitter}; {@link #defaults()} gives the values below.
 *
 * @param window               submit_sm in flight at once on the bind; default 10
 * @param tps                  submit_sm per second on the bind; default 100
 * @param replyReservedShare   share of {@code tps} that campaign traffic never uses, kept for replies; 0 to under 1;
 *                             default 0.2
 * @param claimBatch           reply messages claimed from the queue at once; default 100
 * @param lease                how long a claimed message stays with this submitter before another may take it;
 *                             default 60 s
 * @param throttleBackoff      first pause after ESME_RTHROTTLED or ESME_RMSGQFUL, doubled at each further throttle
 *                             episode (a throttle of a submit_sm sent after the last pause began); default 200 ms
 * @param maxThrottleBackoff   longest such pause; default 5 s
 * @param idlePoll             wait between polls of an empty queue or for a bind; default 100 ms
 * @param serviceType          service_type of each submit_sm; default "" (the SMSC default)
 * @param shortCodes           TON/NPI of short code source addresses; default {@link ShortCodeAddressing#UNKNOWN}
 */
public record SubmitterConfig(int window, int tps, double replyReservedShare, int claimBatch, Duration lease,
                              Duration throttleBackoff, Duration maxThrottleBackoff, Duration idlePoll,
                              String serviceType, ShortCodeAddressing shortCodes) {

    /** Validates every value; the message names the setting. */
    public SubmitterConfig {
        atLeast("window", window, 1);
        atLeast("tps", tps, 1);
        if (!(replyReservedShare >= 0 && replyReservedShare < 1)) {
            throw new IllegalArgumentException("replyReservedShare must be at least 0 and under 1: "
                    + replyReservedShare);
        }
        atLeast("claimBatch", claimBatch, 1);
        positive("lease", lease);
        positive("throttleBackoff", throttleBackoff);
        positive("maxThrottleBackoff", maxThrottleBackoff);
        positive("idlePoll", idlePoll);
        if (maxThrottleBackoff.compareTo(throttleBackoff) < 0) {
            throw new IllegalArgumentException("maxThrottleBackoff must be at least throttleBackoff: "
                    + maxThrottleBackoff + " < " + throttleBackoff);
        }
        if (Objects.requireNonNull(serviceType, "serviceType").length() > 5) {
            throw new IllegalArgumentException("serviceType is at most 5 characters: " + serviceType);
        }
        Objects.requireNonNull(shortCodes, "shortCodes");
    }

    /**
     * The most messages a submitter holds claimed and not yet handed out, per lane: what the bind sends in a quarter of
     * the lease at its TPS (at least 1). A message held past half its lease is given back unsent, so holding more than
     * the bind can send in time only claims messages to give them back, round after round.
     */
    public int heldClaims() {
        double quarter = (double) tps * lease.toMillis() / 4_000; // no overflow at any TPS and lease
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, quarter));
    }

    /** The defaults. */
    public static SubmitterConfig defaults() {
        return new SubmitterConfig(10, 100, 0.2, 100, Duration.ofSeconds(60), Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofMillis(100), "", ShortCodeAddressing.UNKNOWN);
    }

    /** These settings with another window and TPS. */
    public SubmitterConfig withWindowAndTps(int newWindow, int newTps) {
        return new SubmitterConfig(newWindow, newTps, replyReservedShare, claimBatch, lease, throttleBackoff,
                maxThrottleBackoff, idlePoll, serviceType, shortCodes);
    }

    /** These settings with another share of the TPS kept for replies while campaigns run. */
    public SubmitterConfig withReplyReservedShare(double share) {
        return new SubmitterConfig(window, tps, share, claimBatch, lease, throttleBackoff, maxThrottleBackoff, idlePoll,
                serviceType, shortCodes);
    }

    /** These settings with another submit_sm service_type and TON/NPI of short code source addresses. */
    public SubmitterConfig withAddressing(String newServiceType, ShortCodeAddressing newShortCodes) {
        return new SubmitterConfig(window, tps, replyReservedShare, claimBatch, lease, throttleBackoff,
                maxThrottleBackoff, idlePoll, newServiceType, newShortCodes);
    }

    /** These settings with another claim lease. */
    public SubmitterConfig withLease(Duration newLease) {
        return new SubmitterConfig(window, tps, replyReservedShare, claimBatch, newLease, throttleBackoff,
                maxThrottleBackoff, idlePoll, serviceType, shortCodes);
    }

    /** These settings with another first and longest throttle pause. */
    public SubmitterConfig withThrottleBackoff(Duration first, Duration longest) {
        return new SubmitterConfig(window, tps, replyReservedShare, claimBatch, lease, first, longest, idlePoll,
                serviceType, shortCodes);
    }

    /** Campaign submit_sm per second: the TPS less the share reserved for replies, at least 1. */
    public double campaignTps() {
        return Math.max(1.0, tps * (1 - replyReservedShare));
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
