package vn.smsgw.gateway.smpp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The optional parameters of a PDU as raw values by tag code (the last occurrence of a tag wins). Immutable: values
 * are copied in and out.
 */
public final class Tlvs {

    private static final Tlvs NONE = new Tlvs(Map.of());

    private final Map<Integer, byte[]> values;

    private Tlvs(Map<Integer, byte[]> values) {
        this.values = values;
    }

    /** No optional parameters. */
    public static Tlvs none() {
        return NONE;
    }

    /**
     * The parameters of a PDU in the order they came, each a tag code and a raw value (the last occurrence of a tag
     * wins): one copy, however many there are.
     */
    public static Tlvs of(int[] tags, byte[][] values) {
        if (tags.length != values.length) {
            throw new IllegalArgumentException(tags.length + " tags for " + values.length + " values");
        }
        Map<Integer, byte[]> map = new HashMap<>();
        for (int i = 0; i < tags.length; i++) {
            checkTag(tags[i]);
            map.put(tags[i], values[i].clone());
        }
        return map.isEmpty() ? NONE : new Tlvs(Map.copyOf(map));
    }

    private static void checkTag(int tag) {
        if (tag < 0 || tag > 0xFFFF) {
            throw new IllegalArgumentException("TLV tag out of range: " + tag);
        }
    }

    /** These parameters plus (or with a new value for) the given tag code. */
    public Tlvs with(int tag, byte[] value) {
        checkTag(tag);
        Map<Integer, byte[]> copy = new HashMap<>(values);
        copy.put(tag, value.clone());
        return new Tlvs(Map.copyOf(copy));
    }

    /** {@link #with(int, byte[])} for a known tag. */
    public Tlvs with(TlvTag tag, byte[] value) {
        return with(tag.code(), value);
    }

    /** A copy of the value of the tag, if present. */
    public Optional<byte[]> get(TlvTag tag) {
        byte[] value = values.get(tag.code());
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /** Whether the tag is present (with any value, possibly empty). */
    public boolean has(TlvTag tag) {
        return values.containsKey(tag.code());
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Tlvs that) || !values.keySet().equals(that.values.keySet())) {
            return false;
        }
        return values.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), that.values.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return values.entrySet().stream().mapToInt(e -> e.getKey() ^ Arrays.hashCode(e.getValue())).sum();
    }

    @Override
    public String toString() {
        return "Tlvs" + values.keySet();
    }
}
