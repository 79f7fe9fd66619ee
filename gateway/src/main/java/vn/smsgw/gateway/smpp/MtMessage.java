package vn.smsgw.gateway.smpp;

import java.util.Objects;

/**
 * An MT text to encode as submit_sm parts.
 *
 * @param source      the short code the report came in on, or a brandname
 * @param destination the subscriber, normally {@link SmppAddress#international(String)}
 */
public record MtMessage(String text, SmppAddress source, SmppAddress destination, MtMode mode) {

    /** Checks for nulls. */
    public MtMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(mode, "mode");
    }
}
