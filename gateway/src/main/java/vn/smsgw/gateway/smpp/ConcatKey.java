package vn.smsgw.gateway.smpp;

import java.util.Objects;

/**
 * What the parts of one concatenated message share. Parts belong together when they also come from the same source
 * address to the same short code; the reassembly store adds those to the key.
 *
 * @param scheme how the parts are marked (8-bit and 16-bit references are different number spaces)
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
