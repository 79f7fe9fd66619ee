package vn.smsgw.dispatch.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * One MO message as the SMSC delivered it, concatenated parts already joined: the reporter's address as sent
 * ({@code 84912345678}), the short code it was sent to ({@code 156}/{@code 5656}), the decoded text, the identity of
 * the SMSC connection, when it was received, a delivery reference that distinguishes two identical messages when the
 * SMSC provides one (empty otherwise), and its {@link Form}. A NUL character (U+0000, the padding some handsets and
 * SMSCs leave in UCS-2 and Latin-1 messages) becomes U+FFFD, the replacement character: PostgreSQL's text cannot hold
 * it, and a message that no store can keep would be refused for ever. Every store keeps the same text.
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
        text = storable(Objects.requireNonNull(text, "text"));
        Objects.requireNonNull(smscId, "smscId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(deliveryRef, "deliveryRef");
        Objects.requireNonNull(form, "form");
        if (shortCode.isEmpty()) {
            throw new IllegalArgumentException("shortCode is required");
        }
    }

    /** {@code text} with every NUL character (U+0000) replaced by U+FFFD. */
    static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    /** A whole text message with no delivery reference. */
    public static InboundSms text(String reporter, String shortCode, String text, String smscId, Instant receivedAt) {
        return new InboundSms(reporter, shortCode, text, smscId, receivedAt, "", Form.TEXT);
    }
}
