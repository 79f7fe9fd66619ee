package vn.smsgw.dispatch.outbound;

/**
 * The state of an outbound message (table {@code outbound}, column {@code state}) and of each of its submitted parts.
 *
 * <p>PENDING → CLAIMED → SUBMITTED → DELIVERED | UNDELIVERABLE | EXPIRED | REJECTED. A claim may also end in FAILED
 * (the SMSC refused the submit_sm for good), UNKNOWN (no submit_sm_resp: perhaps sent, never resent blindly) or back
 * in PENDING (retry later, same id, so the lane keeps its order).
 */
public enum OutboundState {
    PENDING,
    CLAIMED,
    SUBMITTED,
    UNKNOWN,
    DELIVERED,
    UNDELIVERABLE,
    EXPIRED,
    REJECTED,
    FAILED;

    /** Whether a delivery receipt reporting this state ends the part for good as not delivered. */
    public boolean isDeliveryFailure() {
        return this == UNDELIVERABLE || this == EXPIRED || this == REJECTED;
    }

    /** Whether a message in this state will not change again (a receipt may still settle UNKNOWN). */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || isDeliveryFailure();
    }
}
