package vn.smsgw.parser.text;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The text codings an SMS body arrives in, each with its lenient decoder: the octets of one message, or of the parts
 * of a concatenated message joined in order, to text. Decoding never throws on content. Stateless and thread-safe.
 */
public enum TextCoding {
    /** GSM 03.38 default alphabet, unpacked: one septet per octet ({@link GsmAlphabet#decode}). */
    GSM7,
    /** US-ASCII (IA5); an octet at or above 0x80 decodes as U+FFFD. */
    ASCII,
    /** ISO-8859-1. */
    LATIN1,
    /** UCS-2 as handsets send it, UTF-16BE: surrogate pairs (emoji) kept, a lone surrogate as U+FFFD. */
    UCS2;

    /*
     * A character may span two parts of a concatenated message: an emoji's surrogate pair, a UCS-2 code unit split on
     * an odd octet, a GSM-7 escape and its code. Only the joined octets decode such a character, so callers decode
     * after joining, never part by part.
     *
     * UCS-2 is decoded one char per code unit rather than by the JDK's UTF-16BE decoder, which also swallows the unit
     * after a lone high surrogate: here a lone surrogate, and a trailing odd octet, each become one U+FFFD.
     */

    private static final char REPLACEMENT = '\uFFFD';

    /** The text of all of {@code octets}. */
    public String decode(byte[] octets) {
        return decode(octets, 0, octets.length);
    }

    /**
     * The text of {@code length} octets from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    public String decode(byte[] octets, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, octets.length);
        return switch (this) {
            case GSM7 -> GsmAlphabet.decode(octets, offset, length);
            case ASCII -> new String(octets, offset, length, StandardCharsets.US_ASCII);
            case LATIN1 -> new String(octets, offset, length, StandardCharsets.ISO_8859_1);
            case UCS2 -> ucs2(octets, offset, length);
        };
    }

    private static String ucs2(byte[] octets, int offset, int length) {
        int units = length / 2;
        char[] text = new char[units + length % 2];
        for (int i = 0; i < units; i++) {
            text[i] = (char) ((octets[offset + 2 * i] & 0xFF) << 8 | octets[offset + 2 * i + 1] & 0xFF);
        }
        for (int i = 0; i < units; i++) {
            if (Character.isHighSurrogate(text[i]) && i + 1 < units && Character.isLowSurrogate(text[i + 1])) {
                i++;
            } else if (Character.isSurrogate(text[i])) {
                text[i] = REPLACEMENT;
            }
        }
        if (length % 2 != 0) {
            text[units] = REPLACEMENT;
        }
        return new String(text);
    }
}
