package vn.smsgw.gateway.simulator;

import java.util.Map;
import java.util.Objects;

/**
 * Counters of one kind of deliver_sm (MO or delivery receipt) since the simulator started.
 *
 * @param sent             deliver_sm written, redeliveries and duplicates included
 * @param acked            answered ESME_ROK
 * @param errorsByStatus   answered with another command_status, by that status
 * @param timeouts         unanswered within the response timeout (a dropped connection ends here too)
 * @param connectionErrors not written because the session was gone or failed
 * @param redelivered      deliveries after the first one of the same deliver_sm
 * @param givenUp          deliver_sm abandoned after the maximum attempts
 */
public record DeliveryStats(
        long sent,
        long acked,
        Map<Integer, Long> errorsByStatus,
        long timeouts,
        long connectionErrors,
        long redelivered,
        long givenUp) {

    /** Copies the map. */
    public DeliveryStats {
        errorsByStatus = Map.copyOf(Objects.requireNonNull(errorsByStatus, "errorsByStatus"));
    }

    /** Sum of {@link #errorsByStatus()}. */
    public long errors() {
        return errorsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
