package vn.smsgw.dispatch.outbound;

import java.util.Objects;

/**
 * An outbound message handed out by {@link OutboundQueue#claim}.
 *
 * @param id         the queue id; lane order is id order
 * @param attempts   claims so far, this one included
 * @param leaseUntil when this claim's lease runs out (epoch milliseconds): from then on another owner may claim the
 *                   message, so an owner must not begin sending it late in its lease
 * @param validUntil until when the SMSC may try to deliver it (epoch milliseconds, sent as its validity_period): the
 *                   end of its campaign's validity; 0 for the SMSC's default (replies)
 */
public record QueuedSms(long id, Lane lane, String destination, String sender, String body, String kind,
                        String caseId, int attempts, long leaseUntil, long validUntil) {

    /** The end of a {@code kind} whose text must go out as UCS-2 even when GSM-7 could carry it. */
    public static final String UCS2_KIND_SUFFIX = "_UCS2";

    /** Checks for nulls. */
    public QueuedSms {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseId, "caseId");
        if (validUntil < 0) {
            throw new IllegalArgumentException("validUntil must be 0 (none) or an instant: " + validUntil);
        }
    }

    /** Whether the text must be sent as UCS-2 (its kind ends in {@link #UCS2_KIND_SUFFIX}). */
    public boolean ucs2() {
        return kind.endsWith(UCS2_KIND_SUFFIX);
    }
}
