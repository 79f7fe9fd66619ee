package vn.smsgw.dispatch.intake;

import java.util.Objects;

/**
 * What the parts of one concatenated message share: how they are marked, the reference and the number of parts.
 * Parts belong together when they also come over the same SMSC connection from the same source address to the same
 * short code; {@link InboundPart#groupKey()} adds those.
 *
 * @param scheme how the parts are marked (8-bit and 16-bit UDH references and SAR are different number spaces)
 * @param ref    reference number, 0 to {@link ConcatScheme#maxRef()}
 * @param total  number of parts, 1-255
 */
public record ConcatKey(ConcatScheme scheme, int ref, int total) {

    /** Checks the ranges. */
    public ConcatKey {
        Objects.requireNonNull(scheme, "scheme");
        if (ref < 0 || ref > scheme.maxRef()) {
            throw new IllegalArgumentException("reference out of range for " + scheme + ": " + ref);
        }
        if (total < 1 || total > 255) {
            throw new IllegalArgumentException("total parts must be 1-255: " + total);
        }
    }
}
