package vn.smsgw.dispatch.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * One part of a concatenated MO message (UDH or SAR) as the SMSC delivered it: the reporter's address, the short
 * code, the SMSC connection, when it was received, the concatenation key, this part's number (1-based) and its
 * content.
 */
public record InboundPart(String reporter, String shortCode, String smscId, Instant receivedAt, ConcatKey key,
                          int seq, PartContent content) {
    public InboundPart {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(smscId, "smscId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
        if (seq < 1 || seq > key.total()) {
            throw new IllegalArgumentException("part " + seq + " of " + key.total());
        }
    }

    /** The key of the message this part belongs to: connection, reporter, short code, reference, total and scheme. */
    String groupKey() {
        return legacyGroupKey() + '|' + key.scheme().name();
    }

    /**
     * The key parts were stored under before it named the concatenation scheme (schema version 20 and before): the
     * parts of a message opened then are still joined under it.
     */
    String legacyGroupKey() {
        return smscId + '|' + reporter + '|' + shortCode + '|' + key.ref() + '|' + key.total();
    }

    /** The part as the part store keeps it. */
    StoredPart stored() {
        return new StoredPart(reporter, shortCode, smscId, receivedAt, key.ref(), key.total(), seq, content);
    }
}
