package vn.smsgw.dispatch.outbound;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Message counts of the outbound queue by lane and state; states without messages are absent. Immutable. */
public record QueueDepth(Map<Lane, Map<OutboundState, Long>> counts) {

    /** The states {@link OutboundQueue#depth()} counts: waiting to be sent, and being sent. */
    public static final Set<OutboundState> QUEUED = Collections.unmodifiableSet(
            EnumSet.of(OutboundState.PENDING, OutboundState.CLAIMED));

    /** Copies the counts. */
    public QueueDepth {
        EnumMap<Lane, Map<OutboundState, Long>> copy = new EnumMap<>(Lane.class);
        counts.forEach((lane, byState) -> copy.put(lane, Map.copyOf(byState)));
        counts = Map.copyOf(copy);
    }

    /** Messages of {@code lane} in {@code state}; 0 when none. */
    public long count(Lane lane, OutboundState state) {
        return counts.getOrDefault(lane, Map.of()).getOrDefault(state, 0L);
    }
}
