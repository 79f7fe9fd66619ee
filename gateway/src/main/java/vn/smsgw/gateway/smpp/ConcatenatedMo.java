package vn.smsgw.gateway.smpp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The parts of one concatenated MO received so far. Immutable: {@link #with} returns a new value, so a store can keep
 * these in a concurrent map and replace them atomically. A part that was already received is ignored (SMSCs resend
 * parts whose deliver_sm_resp they missed).
 */
public final class ConcatenatedMo {

    private final ConcatKey key;
    private final String[] texts;
    private final int received;

    private ConcatenatedMo(ConcatKey key, String[] texts, int received) {
        this.key = key;
        this.texts = texts;
        this.received = received;
    }

    /** No parts of the message yet. */
    public static ConcatenatedMo empty(ConcatKey key) {
        return new ConcatenatedMo(Objects.requireNonNull(key, "key"), new String[key.total()], 0);
    }

    /** The parts so far plus this one; {@code this} if the part was already received. */
    public ConcatenatedMo with(DecodedMo.Part part) {
        if (!part.key().equals(key)) {
            throw new IllegalArgumentException("part of " + part.key() + " added to " + key);
        }
        if (texts[part.seq() - 1] != null) {
            return this;
        }
        String[] copy = texts.clone();
        copy[part.seq() - 1] = part.text();
        return new ConcatenatedMo(key, copy, received + 1);
    }

    /** The key the parts share. */
    public ConcatKey key() {
        return key;
    }

    /** Number of distinct parts received. */
    public int received() {
        return received;
    }

    /** Whether every part has arrived. */
    public boolean isComplete() {
        return received == key.total();
    }

    /** The texts of the parts received so far, in part order, without separators (all of it once complete). */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String part : texts) {
            if (part != null) {
                text.append(part);
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "ConcatenatedMo[" + key + ", received=" + received + ", missing="
                + Arrays.stream(texts).filter(Objects::isNull).count() + "]";
    }
}
