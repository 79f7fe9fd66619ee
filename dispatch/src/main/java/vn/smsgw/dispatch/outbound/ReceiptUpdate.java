package vn.smsgw.dispatch.outbound;

import java.time.Instant;
import java.util.Objects;

/**
 * What a delivery receipt says, in queue terms.
 *
 * @param matchKey the normalised SMSC message id of the receipt
 * @param state    SUBMITTED while the message is still on its way (an intermediate receipt), else the final part
 *                 state: DELIVERED, UNDELIVERABLE, EXPIRED or REJECTED
 * @param error    the SMSC's error text, "" for none
 * @param at         when the receipt arrived
 * @param subscriber the receipt's source_addr (the destination of the message), "" if not known
 * @param sender     the receipt's destination_addr (the sender of the message), "" if not known
 */
public record ReceiptUpdate(String matchKey, OutboundState state, String error, Instant at, String subscriber,
                            String sender) {

    /** A receipt that does not say who it is about. */
    public ReceiptUpdate(String matchKey, OutboundState state, String error, Instant at) {
        this(matchKey, state, error, at, "", "");
    }

    /** Checks the key and the state. */
    public ReceiptUpdate {
        if (Objects.requireNonNull(matchKey, "matchKey").isBlank()) {
            throw new IllegalArgumentException("matchKey is blank");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(sender, "sender");
        if (state != OutboundState.SUBMITTED && state != OutboundState.DELIVERED && !state.isDeliveryFailure()) {
            throw new IllegalArgumentException("not a receipt state: " + state);
        }
    }

    /** Whether the receipt ends its part for good. */
    public boolean isFinal() {
        return state != OutboundState.SUBMITTED;
    }
}
