package vn.smsgw.dispatch.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * One part of a concatenated MO message (UDH or SAR): the reporter's address, the short code, the SMSC connection,
 * when it was received, the concatenation reference, the total number of parts, this part's number (1-based) and its
 * decoded text ({@code binary}: the payload in hex), NUL characters replaced as in {@link InboundSms}.
 */
public record InboundPart(String reporter, String shortCode, String smscId, Instant receivedAt, int ref, int total,
                          int seq, String text, boolean binary) {
    public InboundPart {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(smscId, "smscId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = InboundSms.storable(Objects.requireNonNull(text, "text"));
        if (total < 1 || total > 255 || seq < 1 || seq > total || ref < 0 || ref > 0xFFFF) {
            throw new IllegalArgumentException("bad concatenation header: ref " + ref + " part " + seq + "/" + total);
        }
    }

    /** The key of the message this part belongs to. */
    String groupKey() {
        return smscId + '|' + reporter + '|' + shortCode + '|' + ref + '|' + total;
    }
}
