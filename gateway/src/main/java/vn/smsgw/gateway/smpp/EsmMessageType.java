package vn.smsgw.gateway.smpp;

/** The message type bits (2..5) of a deliver_sm esm_class (SMPP 3.4 §5.2.12). */
public enum EsmMessageType {
    DEFAULT(0x00),
    SMSC_DELIVERY_RECEIPT(0x04),
    SME_DELIVERY_ACK(0x08),
    SME_MANUAL_ACK(0x10),
    CONVERSATION_ABORT(0x18),
    INTERMEDIATE_NOTIFICATION(0x20),
    /** A reserved combination of the type bits. */
    RESERVED(-1);

    static final int MASK = 0x3C;
    /** The UDHI bit of esm_class: the user data starts with a user data header. */
    static final int UDHI = 0x40;

    private final int bits;

    EsmMessageType(int bits) {
        this.bits = bits;
    }

    /** The esm_class bits 2..5 of this type; -1 for {@link #RESERVED}. */
    public int bits() {
        return bits;
    }

    /** Whether the deliver_sm is a receipt from the SMSC about an earlier submit_sm (final or intermediate). */
    public boolean isReceipt() {
        return this == SMSC_DELIVERY_RECEIPT || this == INTERMEDIATE_NOTIFICATION;
    }

    /** The message type of an esm_class octet; never fails. */
    public static EsmMessageType fromEsmClass(byte esmClass) {
        int type = esmClass & MASK;
        for (EsmMessageType candidate : values()) {
            if (candidate.bits == type) {
                return candidate;
            }
        }
        return RESERVED;
    }

    /** Whether the esm_class has the UDHI bit (0x40). */
    public static boolean hasUdhi(byte esmClass) {
        return (esmClass & UDHI) != 0;
    }
}
