package vn.smsgw.gateway.smpp;

import java.nio.charset.StandardCharsets;
import vn.smsgw.parser.text.GsmAlphabet;

/** What data_coding 0x00 (the SMSC default alphabet) means on one SMSC link. */
public enum DefaultAlphabet {
    /** GSM 03.38, unpacked: one septet per octet (the usual case, and the default). */
    GSM7,
    /** ISO-8859-1. */
    LATIN1,
    /** US-ASCII; octets at or above 0x80 decode as U+FFFD. */
    ASCII;

    /** The text of {@code length} octets from {@code offset}; lenient, never throws on content. */
    String decode(byte[] bytes, int offset, int length) {
        return switch (this) {
            case GSM7 -> GsmAlphabet.decode(bytes, offset, length);
            case LATIN1 -> new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
            case ASCII -> new String(bytes, offset, length, StandardCharsets.US_ASCII);
        };
    }
}
