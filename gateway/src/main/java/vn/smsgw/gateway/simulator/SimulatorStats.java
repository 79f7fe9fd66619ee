package vn.smsgw.gateway.simulator;

/**
 * A snapshot of an {@link SmscSimulator}'s counters since it started.
 *
 * @param boundSessions      sessions bound right now
 * @param binds              binds accepted
 * @param bindsRejected      binds rejected for their credentials
 * @param mo                 MO deliver_sm
 * @param moDuplicates       MO deliver_sm sent again by the duplicate-delivery fault
 * @param submits            submit_sm
 * @param receipts           delivery receipt deliver_sm
 */
public record SimulatorStats(
        int boundSessions,
        long binds,
        long bindsRejected,
        DeliveryStats mo,
        long moDuplicates,
        SubmitStats submits,
        DeliveryStats receipts) {
}
