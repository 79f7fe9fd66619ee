package vn.smsgw.dispatch.outbound;

import java.util.Objects;

/**
 * The last part of an UNKNOWN message, whose submit_sm_resp came after the submitter had given up waiting for it:
 * its SMSC id, so that its receipt can settle the message ({@link OutboundQueue#recordLateParts}).
 *
 * @param id   the outbound message
 * @param part the part's number, SMSC id and receipt keys
 */
public record LatePart(long id, PartId part) {
    public LatePart {
        Objects.requireNonNull(part, "part");
    }
}
