package vn.smsgw.dispatch.store;

/**
 * Map keys for the hashes that the embedded store's in-memory indexes hold by the million (dedupe keys, reporter
 * hashes): 32 lowercase hexadecimal digits become one record of two longs instead of a string and its bytes (32
 * bytes instead of 72, and an equality test of two words). Any other text is kept as itself. A record never equals a
 * string, and 32 lowercase hex digits have exactly one record, so distinct texts stay distinct keys.
 */
public final class CompactKey {
    private CompactKey() {
    }

    /** The 128 bits of a 32-digit lowercase hexadecimal text. */
    private record Hex128(long high, long low) {
    }

    /** The map key for {@code text}: a 128-bit record for 32 lowercase hexadecimal digits, else the text itself. */
    public static Object of(String text) {
        if (text.length() != 32) {
            return text;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 32; i++) {
            char c = text.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) {
                return text;
            }
            if (i < 16) {
                high = high << 4 | d;
            } else {
                low = low << 4 | d;
            }
        }
        return new Hex128(high, low);
    }
}
