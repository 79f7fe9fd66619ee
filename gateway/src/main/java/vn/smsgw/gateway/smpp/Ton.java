package vn.smsgw.gateway.smpp;

/** SMPP type of number (TON) of an address. */
public enum Ton {
    UNKNOWN(0x00),
    INTERNATIONAL(0x01),
    NATIONAL(0x02),
    NETWORK_SPECIFIC(0x03),
    SUBSCRIBER_NUMBER(0x04),
    ALPHANUMERIC(0x05),
    ABBREVIATED(0x06);

    private final int code;

    Ton(int code) {
        this.code = code;
    }

    /** The addr_ton octet. */
    public byte code() {
        return (byte) code;
    }
}
