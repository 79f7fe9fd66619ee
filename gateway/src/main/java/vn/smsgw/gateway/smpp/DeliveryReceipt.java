package vn.smsgw.gateway.smpp;

import java.util.Objects;

/**
 * What a delivery receipt says about one submitted message.
 *
 * @param messageId the SMSC's message id as the receipt gives it (match it with {@link MessageIds}); not blank
 * @param state     the reported state
 * @param error     the SMSC's error code text ("000", "3/69", ...), "" if none was given
 * @param isFinal   whether the state is final; false for an intermediate notification and for ENROUTE
 * @param subscriber the deliver_sm's source_addr: the destination of the message it reports on; "" if absent
 * @param sender     the deliver_sm's destination_addr: the sender of that message; "" if absent
 */
public record DeliveryReceipt(String messageId, ReceiptState state, String error, boolean isFinal, String subscriber,
                              String sender) {

    /** A receipt that does not say who it is about. */
    public DeliveryReceipt(String messageId, ReceiptState state, String error, boolean isFinal) {
        this(messageId, state, error, isFinal, "", "");
    }

    /** Checks the id and for nulls. */
    public DeliveryReceipt {
        if (Objects.requireNonNull(messageId, "messageId").isBlank()) {
            throw new IllegalArgumentException("messageId is blank");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(sender, "sender");
    }
}
