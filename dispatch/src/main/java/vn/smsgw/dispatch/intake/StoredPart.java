package vn.smsgw.dispatch.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * A part of a concatenated MO message as the part store keeps it: an {@link InboundPart} without its concatenation
 * scheme, which is in the key the part is stored under (and absent from keys of parts stored before schema version
 * 21).
 */
public record StoredPart(String reporter, String shortCode, String smscId, Instant receivedAt, int ref, int total,
                         int seq, PartContent content) {
    public StoredPart {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(smscId, "smscId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(content, "content");
        if (total < 1 || total > 255 || seq < 1 || seq > total || ref < 0 || ref > 0xFFFF) {
            throw new IllegalArgumentException("bad concatenation header: ref " + ref + " part " + seq + "/" + total);
        }
    }
}
