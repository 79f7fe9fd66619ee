package vn.smsgw.dispatch.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * One MO message as the SMSC delivered it, concatenated parts already joined: the reporter's address as sent
 * ({@code 84912345678}), the short code it was sent to ({@code 156}/{@code 5656}), the decoded text, the identity of
 * the SMSC connection, when it was received, a delivery reference that distinguishes two identical messages when the
 * SMSC provides one (empty otherwise), and its {@link Form}.
 */
public record InboundSms(String reporter, String shortCode, String text, String smscId, Instant receivedAt,
                         String deliveryRef, Form form) {

    /** How complete and how textual the message is. */
    public enum Form {
        /** A whole text message. */
        TEXT,
        /** A concatenated message whose parts did not all arrive before the reassembly timeout. */
        INCOMPLETE,
        /** A binary data_coding: {@code text} holds the payload in hex; never parsed. */
        BINARY
    }

    public InboundSms {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(smscId, "smscId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(deliveryRef, "deliveryRef");
        Objects.requireNonNull(form, "form");
        if (shortCode.isEmpty()) {
            throw new IllegalArgumentException("shortCode is required");
        }
    }

    /** A whole text message with no delivery reference. */
    public static InboundSms text(String reporter, String shortCode, String text, String smscId, Instant receivedAt) {
        return new InboundSms(reporter, shortCode, text, smscId, receivedAt, "", Form.TEXT);
    }
}
