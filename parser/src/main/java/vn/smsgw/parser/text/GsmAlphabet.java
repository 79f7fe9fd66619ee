package vn.smsgw.parser.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, as unpacked septets: one septet per
 * octet, an extension char as ESC (0x1B) then its code. This is what SMPP data_coding 0x00 usually carries; 0x00 is
 * {@code @}, so encoded text can contain NUL bytes. Stateless and thread-safe.
 */
public final class GsmAlphabet {

    /*
     * Code 0x09: the 3GPP table draws a capital C with cedilla; Unicode's GSM0338.TXT v2.0 maps it to the small
     * c-cedilla, which is what handsets display. Decoding follows Unicode (0x09 -> ç). Encoding accepts both ç and Ç
     * as 0x09, so Ç is the one char that does not survive a round trip: it comes back as ç.
     *
     * Decoding is lenient and never throws on content (TS 23.038 §6.2.1.1 for the escape rules):
     * - ESC + a code the extension table defines: that char;
     * - ESC + ESC (reserved for a further extension table): one space, both octets consumed;
     * - ESC + any other code: the basic-table char for that code, as the specification asks of a receiver;
     * - ESC as the last octet: a space;
     * - an octet at or above 0x80 (not a septet; a packed or 8-bit payload sent as DCS 0): U+FFFD.
     *
     * Encoding is by table lookup: TO_GSM covers U+0000-U+03FF (Latin and Greek); the euro sign, the one char above,
     * is checked directly. An entry is the basic code, EXTENDED | the extension code, or -1.
     */

    static final int ESCAPE = 0x1B;
    static final char REPLACEMENT = '\uFFFD';

    private static final int EXTENDED = 0x100;
    private static final char EURO = '\u20AC';
    private static final int EURO_CODE = 0x65;

    private static final String BASIC = "@£$¥èéùìòç\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final char[] FROM_GSM = BASIC.toCharArray();
    private static final char[] FROM_GSM_EXTENDED = extensionDecodeTable();
    private static final short[] TO_GSM = encodeTable();

    private GsmAlphabet() {
    }

    /**
     * Septets the code point takes: 1 (basic table), 2 (extension table: ESC + code), or 0 when the default alphabet
     * cannot represent it. The ESC control char U+001B itself is not representable.
     */
    public static int septets(int codePoint) {
        int code = code(codePoint);
        if (code < 0) {
            return 0;
        }
        return code >= EXTENDED ? 2 : 1;
    }

    /** Whether every char of the text is in the basic or the extension table. */
    public static boolean canEncode(CharSequence text) {
        return septetCount(text) >= 0;
    }

    /**
     * The text as unpacked septets (one per octet, extension chars as 0x1B + code).
     *
     * @throws IllegalArgumentException if a char is not representable (check {@link #canEncode} first, or fold)
     */
    public static byte[] encode(CharSequence text) {
        int count = septetCount(text);
        if (count < 0) {
            int index = firstUnencodable(text);
            throw new IllegalArgumentException("not in the GSM 03.38 alphabet: U+"
                    + String.format("%04X", (int) text.charAt(index)) + " at index " + index);
        }
        byte[] septets = new byte[count];
        int out = 0;
        for (int i = 0; i < text.length(); i++) {
            int code = code(text.charAt(i));
            if (code >= EXTENDED) {
                septets[out++] = ESCAPE;
            }
            septets[out++] = (byte) code;
        }
        return septets;
    }

    /** {@link #decode(byte[], int, int)} over the whole array. */
    public static String decode(byte[] septets) {
        return decode(septets, 0, septets.length);
    }

    /**
     * The text of unpacked septets ({@code length} octets from {@code offset}); lenient, never throws on content:
     * an unknown escape decodes as the basic char (ESC + ESC, or a trailing ESC, as a space), an octet at or above
     * 0x80 as U+FFFD.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    public static String decode(byte[] septets, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, septets.length);
        char[] text = new char[length];
        int out = 0;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int octet = septets[i++] & 0xFF;
            if (octet != ESCAPE) {
                text[out++] = basic(octet);
            } else if (i == end) {
                text[out++] = ' ';
            } else {
                text[out++] = extended(septets[i++] & 0xFF);
            }
        }
        return new String(text, 0, out);
    }

    /** Total septets of the text, or -1 if some char is not representable. */
    static int septetCount(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            int septets = septets(text.charAt(i));
            if (septets == 0) {
                return -1;
            }
            count += septets;
        }
        return count;
    }

    private static int firstUnencodable(CharSequence text) {
        int i = 0;
        while (septets(text.charAt(i)) != 0) {
            i++;
        }
        return i;
    }

    private static int code(int codePoint) {
        if (codePoint >= 0 && codePoint < TO_GSM.length) {
            return TO_GSM[codePoint];
        }
        return codePoint == EURO ? EXTENDED | EURO_CODE : -1;
    }

    private static char basic(int octet) {
        return octet < FROM_GSM.length ? FROM_GSM[octet] : REPLACEMENT;
    }

    private static char extended(int octet) {
        if (octet == ESCAPE) {
            return ' ';
        }
        if (octet < FROM_GSM_EXTENDED.length && FROM_GSM_EXTENDED[octet] != 0) {
            return FROM_GSM_EXTENDED[octet];
        }
        return basic(octet);
    }

    private static char[] extensionDecodeTable() {
        char[] table = new char[0x80];
        table[0x0A] = '\f';
        table[0x14] = '^';
        table[0x28] = '{';
        table[0x29] = '}';
        table[0x2F] = '\\';
        table[0x3C] = '[';
        table[0x3D] = '~';
        table[0x3E] = ']';
        table[0x40] = '|';
        table[EURO_CODE] = EURO;
        return table;
    }

    private static short[] encodeTable() {
        short[] table = new short[0x400];
        Arrays.fill(table, (short) -1);
        for (int code = 0; code < FROM_GSM.length; code++) {
            if (code != ESCAPE) {
                table[FROM_GSM[code]] = (short) code;
            }
        }
        table['Ç'] = 0x09;
        for (int code = 0; code < FROM_GSM_EXTENDED.length; code++) {
            char c = FROM_GSM_EXTENDED[code];
            if (c != 0 && c < table.length) {
                table[c] = (short) (EXTENDED | code);
            }
        }
        return table;
    }
}
