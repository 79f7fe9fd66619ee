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
        return isHex128(text) ? new Hex128(high(text), low(text)) : text;
    }

    /** Whether {@code text} is 32 lowercase hexadecimal digits, whose bits {@link #high} and {@link #low} give. */
    public static boolean isHex128(String text) {
        if (text.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (digit(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The first 64 bits of a text that {@link #isHex128}. */
    public static long high(String hex128) {
        return bits(hex128, 0);
    }

    /** The last 64 bits of a text that {@link #isHex128}. */
    public static long low(String hex128) {
        return bits(hex128, 16);
    }

    private static long bits(String text, int from) {
        long v = 0;
        for (int i = from; i < from + 16; i++) {
            v = v << 4 | digit(text.charAt(i));
        }
        return v;
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
