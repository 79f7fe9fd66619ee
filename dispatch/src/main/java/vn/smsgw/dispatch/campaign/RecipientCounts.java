package vn.smsgw.dispatch.campaign;

import java.util.EnumMap;
import java.util.Map;

/**
 * Recipients of one campaign by state, and how many may have been sent twice (in flight when a process died, so
 * submitted again). Immutable.
 */
public record RecipientCounts(Map<RecipientState, Long> byState, long resent) {

    /** Copies the counts. */
    public RecipientCounts {
        EnumMap<RecipientState, Long> copy = new EnumMap<>(RecipientState.class);
        for (RecipientState s : RecipientState.values()) {
            copy.put(s, byState.getOrDefault(s, 0L));
        }
        byState = Map.copyOf(copy);
    }

    public long count(RecipientState state) {
        return byState.get(state);
    }

    public long total() {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Recipients whose sending is over: handed to the SMSC (submitted, unknown, delivered) or ended either way
     * (failed: refused by the SMSC or undeliverable; expired: by the SMSC, or the campaign's validity ended before it
     * was sent). Progress, not a count of SMS sent: the states tell those apart.
     */
    public long processed() {
        return count(RecipientState.SUBMITTED) + count(RecipientState.UNKNOWN) + count(RecipientState.DELIVERED)
                + count(RecipientState.FAILED) + count(RecipientState.EXPIRED);
    }

    /** Recipients not handed to the queue or handed but not yet submitted. */
    public long waiting() {
        return count(RecipientState.PENDING) + count(RecipientState.QUEUED);
    }

    /** {@code part} as a fraction of the total, 0 when there are no recipients. */
    public double rate(RecipientState state) {
        long total = total();
        return total == 0 ? 0 : (double) count(state) / total;
    }
}
