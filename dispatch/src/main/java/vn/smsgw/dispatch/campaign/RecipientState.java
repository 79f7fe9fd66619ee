package vn.smsgw.dispatch.campaign;

/**
 * Where one recipient of a campaign is: PENDING (not yet handed to the outbound queue) → QUEUED (in the queue, not
 * yet submitted) → SUBMITTED (the SMSC has it: message id known) or UNKNOWN (no submit_sm_resp: perhaps sent, never
 * resent) → DELIVERED | FAILED (refused by the SMSC or undeliverable, with the error code) | EXPIRED (by the SMSC, or
 * the campaign's validity ended before it was sent); CANCELLED when the campaign was cancelled before sending it.
 */
public enum RecipientState {
    PENDING,
    QUEUED,
    SUBMITTED,
    UNKNOWN,
    DELIVERED,
    FAILED,
    EXPIRED,
    CANCELLED;

    /** Whether the recipient will not change state any more (an UNKNOWN one may still get its receipt). */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXPIRED || this == CANCELLED;
    }
}
