package vn.smsgw.dispatch.store;

/**
 * The hashes that the embedded store's in-memory indexes hold by the million (dedupe keys, reporter hashes), 32
 * lowercase hexadecimal digits, as the 128 bits they spell: two longs instead of a string and its bytes, compared
 * in two words. 32 lowercase hex digits have exactly one reading, so distinct texts stay distinct keys.
 */
public final class CompactKey {
    private CompactKey() {
    }

    /** The 128 bits of a 32-digit lowercase hexadecimal text: a map key, or the key of a {@link Hash128Table}. */
    public record Bits(long high, long low) {
    }

    /** The bits of {@code text} if it is 32 lowercase hexadecimal digits, else null; one pass over the text. */
    public static Bits parse(String text) {
        if (text.length() != 32) {
            return null;
        }
        long high = 0;
        long low = 0;
        int bad = 0;
        for (int i = 0; i < 16; i++) {
            int d = digit(text.charAt(i));
            bad |= d;
            high = high << 4 | (d & 0xF);
        }
        for (int i = 16; i < 32; i++) {
            int d = digit(text.charAt(i));
            bad |= d;
            low = low << 4 | (d & 0xF);
        }
        return bad < 0 ? null : new Bits(high, low);
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
