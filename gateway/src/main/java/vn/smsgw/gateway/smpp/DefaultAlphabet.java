package vn.smsgw.gateway.smpp;

import vn.smsgw.parser.text.TextCoding;

/** What data_coding 0x00 (the SMSC default alphabet) means on one SMSC link. */
public enum DefaultAlphabet {
    /** GSM 03.38, unpacked: one septet per octet (the usual case, and the default). */
    GSM7(TextCoding.GSM7),
    /** ISO-8859-1. */
    LATIN1(TextCoding.LATIN1),
    /** US-ASCII; octets at or above 0x80 decode as U+FFFD. */
    ASCII(TextCoding.ASCII);

    private final TextCoding coding;

    DefaultAlphabet(TextCoding coding) {
        this.coding = coding;
    }

    /** The text coding of data_coding 0x00 on the link. */
    TextCoding coding() {
        return coding;
    }
}
