package vn.smsgw.dispatch.police;

import java.util.Objects;

/**
 * One police case as handed out by a {@link PoliceQueue} or to a {@link PolicePublisher}: its outbox id (increasing
 * in insertion order, usable as a paging cursor), its case id (the idempotency key) and its JSON document
 * ({@link PoliceCaseJson}).
 */
public record PoliceDelivery(long outboxId, String caseId, String payload) {

    public PoliceDelivery {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(payload, "payload");
        if (outboxId < 1) {
            throw new IllegalArgumentException("outboxId must be >= 1: " + outboxId);
        }
    }
}
