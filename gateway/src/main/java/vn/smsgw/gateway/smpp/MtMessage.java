package vn.smsgw.gateway.smpp;

import java.util.Objects;

/**
 * An MT text to encode as submit_sm parts.
 *
 * @param source      the short code the report came in on, or a brandname
 * @param destination the subscriber, normally {@link SmppAddress#international(String)}
 * @param validUntil  until when the SMSC may try to deliver it (epoch milliseconds), sent as validity_period; 0 for
 *                    the SMSC's default
 */
public record MtMessage(String text, SmppAddress source, SmppAddress destination, MtMode mode, long validUntil) {

    /** Checks for nulls and the validity. */
    public MtMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(mode, "mode");
        if (validUntil < 0) {
            throw new IllegalArgumentException("validUntil must be 0 (none) or an instant: " + validUntil);
        }
    }

    /** A message the SMSC keeps for its default validity. */
    public MtMessage(String text, SmppAddress source, SmppAddress destination, MtMode mode) {
        this(text, source, destination, mode, 0);
    }
}
