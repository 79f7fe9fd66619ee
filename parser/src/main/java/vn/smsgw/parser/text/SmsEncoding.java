package vn.smsgw.parser.text;

/** The two alphabets an SMS is sent in: GSM 03.38 7-bit (SMPP data_coding 0x00) or UCS-2/UTF-16BE (0x08). */
public enum SmsEncoding {
    GSM7(160, 153),
    UCS2(70, 67);

    private final int singleUnits;
    private final int partUnits;

    SmsEncoding(int singleUnits, int partUnits) {
        this.singleUnits = singleUnits;
        this.partUnits = partUnits;
    }

    /** Units (septets or UTF-16 code units) that fit in one unconcatenated SMS. */
    public int singleUnits() {
        return singleUnits;
    }

    /** Units per part of a concatenated SMS with an 8-bit reference UDH. */
    public int partUnits() {
        return partUnits;
    }
}
