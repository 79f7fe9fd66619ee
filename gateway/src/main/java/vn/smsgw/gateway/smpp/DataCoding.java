package vn.smsgw.gateway.smpp;

/**
 * What an SMPP data_coding octet says about the bytes of short_message: which alphabet a text is in, or that the
 * content is binary. {@link #fromByte(byte)} maps every octet to one of these categories.
 */
public enum DataCoding {
    /** 0x00: the SMSC default alphabet; what it means is configured per SMSC ({@link DefaultAlphabet}). */
    SMSC_DEFAULT(0x00),
    /** 0x01: IA5 (CCITT T.50), in practice US-ASCII. */
    IA5_ASCII(0x01),
    /** 0x02: 8-bit binary, unspecified. */
    OCTET_UNSPECIFIED(0x02),
    /** 0x03: ISO-8859-1. */
    LATIN1(0x03),
    /** 0x04 and the GSM 03.38 coding groups that declare 8-bit data (e.g. 0xF4-0xF7, 0x14-0x17). */
    OCTET(0x04),
    /** 0x08 and the GSM 03.38 coding groups that declare UCS-2 (e.g. 0x18-0x1B, 0xE0-0xEF): UTF-16BE. */
    UCS2(0x08),
    /** The GSM 03.38 coding groups that declare the GSM 7-bit default alphabet (e.g. 0x10-0x13, 0xF0-0xF3). */
    GSM7(-1),
    /** Anything else: other national alphabets, compressed or reserved codings. Treated as binary. */
    UNSUPPORTED(-1);

    /*
     * SMPP 3.4 §5.2.19 gives 0x00-0x0F its own meaning (SMSC default, IA5, Latin-1, JIS, ...); from 0x10 up the
     * octet follows the GSM 03.38 (TS 23.038 §4) data coding scheme:
     *   00xx xxxx  general group: bit 5 compressed, bit 4 "bits 1..0 are a message class", bits 3..2 alphabet
     *              (00 GSM 7-bit, 01 8-bit, 10 UCS-2, 11 reserved);
     *   01xx xxxx  the same, marked for automatic deletion;
     *   10xx xxxx  reserved;
     *   1100 xxxx, 1101 xxxx  message waiting indication, GSM 7-bit; 1110 xxxx the same in UCS-2;
     *   1111 xxxx  data coding / message class: bit 2 0 = GSM 7-bit, 1 = 8-bit data.
     * Compressed text cannot be read without a decompressor, so it is UNSUPPORTED.
     */

    private final int code;

    DataCoding(int code) {
        this.code = code;
    }

    /**
     * The data_coding octet this coding is sent as: 0x00-0x08 for the SMPP-table codings, -1 for {@link #GSM7} and
     * {@link #UNSUPPORTED}, which are categories of several octets.
     */
    public int code() {
        return code;
    }

    /** Whether bytes in this coding are text (as opposed to binary data stored as hex). */
    public boolean isText() {
        return this != OCTET_UNSPECIFIED && this != OCTET && this != UNSUPPORTED;
    }

    /** The category of a data_coding octet; never fails. */
    public static DataCoding fromByte(byte dataCoding) {
        int octet = dataCoding & 0xFF;
        if (octet < 0x10) {
            return smppTable(octet);
        }
        if (octet < 0x80) {
            boolean compressed = (octet & 0x20) != 0;
            return compressed ? UNSUPPORTED : alphabet((octet >> 2) & 0x03);
        }
        if (octet < 0xC0) {
            return UNSUPPORTED;
        }
        if (octet < 0xE0) {
            return GSM7;
        }
        if (octet < 0xF0) {
            return UCS2;
        }
        return (octet & 0x04) == 0 ? GSM7 : OCTET;
    }

    private static DataCoding smppTable(int octet) {
        return switch (octet) {
            case 0x00 -> SMSC_DEFAULT;
            case 0x01 -> IA5_ASCII;
            case 0x02 -> OCTET_UNSPECIFIED;
            case 0x03 -> LATIN1;
            case 0x04 -> OCTET;
            case 0x08 -> UCS2;
            default -> UNSUPPORTED;
        };
    }

    private static DataCoding alphabet(int bits) {
        return switch (bits) {
            case 0 -> GSM7;
            case 1 -> OCTET;
            case 2 -> UCS2;
            default -> UNSUPPORTED;
        };
    }
}
