package vn.smsgw.dispatch.police;

import java.util.List;

/**
 * The embedded delivery of police cases: a consumer pulls cases and acks them by case id. At-least-once: a case
 * pulled but not acked within the visibility timeout is handed out again, so a consumer must dedupe by case id.
 * Implementations are thread-safe.
 */
public interface PoliceQueue {

    /**
     * Up to {@code max} cases not yet acked and not currently handed out, oldest first; each is hidden from further
     * pulls for the visibility timeout.
     */
    List<PoliceDelivery> pull(int max);

    /** Marks the case delivered; true when the case exists (also when already acked), false for an unknown id. */
    boolean ack(String caseId);

    /**
     * Up to {@code limit} cases with an outbox id greater than {@code outboxId}, in id order, acked or not: the
     * listing a consumer pages through. Does not hide or ack anything.
     */
    List<PoliceDelivery> after(long outboxId, int limit);
}
