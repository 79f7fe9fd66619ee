package vn.smsgw.dispatch.outbound;

import java.time.Instant;
import java.util.Objects;

/**
 * An MT message to queue: the destination (E.164 digits without '+', as submitted), the sender (short code or
 * brandname), the text, the lane, what it is ({@code kind}: e.g. ACK, HELP, INVALID_NUMBER, QUOTA, CAMPAIGN; a kind
 * ending in {@code _UCS2}, e.g. CAMPAIGN_UCS2, is sent as UCS-2 whatever its text) and the case id it answers (empty
 * string for none), and the SMSC it should leave through ({@code smsc}: a reply goes back through the SMSC its report
 * came in on; empty for any SMSC, as campaigns are), see {@link SmscScope}.
 */
public record OutboundSms(Lane lane, String destination, String sender, String body, String kind, String caseId,
                          Instant notBefore, String smsc) {
    public OutboundSms {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(smsc, "smsc");
        if (destination.isEmpty() || sender.isEmpty()) {
            throw new IllegalArgumentException("destination and sender are required");
        }
    }

    /** A message for any SMSC. */
    public OutboundSms(Lane lane, String destination, String sender, String body, String kind, String caseId,
                       Instant notBefore) {
        this(lane, destination, sender, body, kind, caseId, notBefore, "");
    }
}
