package vn.smsgw.gateway.smpp;

/** SMPP numbering plan indicator (NPI) of an address. */
public enum Npi {
    UNKNOWN(0x00),
    /** E.164. */
    ISDN(0x01);

    private final int code;

    Npi(int code) {
        this.code = code;
    }

    /** The addr_npi octet. */
    public byte code() {
        return (byte) code;
    }
}
