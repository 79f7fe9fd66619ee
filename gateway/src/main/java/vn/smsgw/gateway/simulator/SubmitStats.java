package vn.smsgw.gateway.simulator;

/**
 * Counters of submit_sm since the simulator started.
 *
 * @param received          submit_sm received
 * @param accepted          answered ESME_ROK with a message id
 * @param throttled         answered ESME_RTHROTTLED by the throttle fault
 * @param queueFull         answered ESME_RMSGQFUL by the queue-full fault
 * @param unanswered        left without a response by the fault
 * @param receiptsRequested accepted with registered_delivery asking for a receipt
 */
public record SubmitStats(
        long received, long accepted, long throttled, long queueFull, long unanswered, long receiptsRequested) {
}
