package vn.smsgw.dispatch.cases;

import java.util.Objects;

/**
 * The short identifier a reporter gets back and can type to the police or a carrier: 8 characters from an alphabet
 * without ambiguous characters (no 0/O, 1/I/L, U), e.g. {@code K7M2QX9D}.
 *
 * <p>Derived from the report's sequence number by a keyed 40-bit Feistel permutation (cycle-walked into the 30^8
 * code space), so ids are unique for unique sequence numbers, yet do not reveal how many reports exist; the
 * permutation is inverted by {@link #sequence()}, so the store finds a report by its case id through its primary key
 * and needs no index of its own for case ids. Immutable.
 */
public record CaseId(String value) {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 8;
    private static final long SPACE = 656_100_000_000L; // 30^8
    private static final int HALF_BITS = 20;
    private static final long HALF_MASK = (1L << HALF_BITS) - 1;
    private static final int[] ROUND_KEYS = {0x5A3C9, 0x1F2E7, 0xB4D61, 0x7E0A3};

    public CaseId {
        Objects.requireNonNull(value, "value");
        if (value.length() != LENGTH) {
            throw new IllegalArgumentException("a case id has " + LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a case id character: " + value.charAt(i));
            }
        }
    }

    /** The case id of sequence number {@code seq} (0 ≤ seq < 30^8). */
    public static CaseId fromSequence(long seq) {
        if (seq < 0 || seq >= SPACE) {
            throw new IllegalArgumentException("sequence out of range: " + seq);
        }
        long v = seq;
        do {
            v = permute(v);
        } while (v >= SPACE);
        char[] out = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v % 30));
            v /= 30;
        }
        return new CaseId(new String(out));
    }

    /** The sequence number this case id was derived from: the inverse of {@link #fromSequence}. */
    public long sequence() {
        long v = 0;
        for (int i = 0; i < LENGTH; i++) {
            v = v * 30 + ALPHABET.indexOf(value.charAt(i));
        }
        do {
            v = unpermute(v);
        } while (v >= SPACE);
        return v;
    }

    /** Parses what a person typed back: case-insensitive, spaces and dashes ignored. */
    public static java.util.Optional<CaseId> parse(String typed) {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = Character.toUpperCase(typed.charAt(i));
            if (c == ' ' || c == '-') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || sb.length() == LENGTH) {
                return java.util.Optional.empty();
            }
            sb.append(c);
        }
        return sb.length() == LENGTH ? java.util.Optional.of(new CaseId(sb.toString())) : java.util.Optional.empty();
    }

    private static long permute(long v) {
        long left = v >>> HALF_BITS;
        long right = v & HALF_MASK;
        for (int key : ROUND_KEYS) {
            long next = left ^ round(right, key);
            left = right;
            right = next;
        }
        return (left << HALF_BITS) | right;
    }

    private static long unpermute(long v) {
        long left = v >>> HALF_BITS;
        long right = v & HALF_MASK;
        for (int k = ROUND_KEYS.length - 1; k >= 0; k--) {
            long prev = right ^ round(left, ROUND_KEYS[k]);
            right = left;
            left = prev;
        }
        return (left << HALF_BITS) | right;
    }

    private static long round(long half, int key) {
        long x = (half ^ key) * 0x9E3779B1L;
        x ^= x >>> 15;
        x *= 0x85EBCA77L;
        x ^= x >>> 13;
        return x & HALF_MASK;
    }

    @Override
    public String toString() {
        return value;
    }
}
