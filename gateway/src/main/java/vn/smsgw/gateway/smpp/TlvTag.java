package vn.smsgw.gateway.smpp;

/** The SMPP optional parameters (TLVs) this edge reads, with their tag codes. */
public enum TlvTag {
    RECEIPTED_MESSAGE_ID(0x001E),
    SAR_MSG_REF_NUM(0x020C),
    SAR_TOTAL_SEGMENTS(0x020E),
    SAR_SEGMENT_SEQNUM(0x020F),
    NETWORK_ERROR_CODE(0x0423),
    MESSAGE_PAYLOAD(0x0424),
    MESSAGE_STATE(0x0427),
    /** Not SMPP's: a vendor-specific tag under which {@link TlvLengthGuard} moves a TLV of the wrong length. */
    WRONG_LENGTH(0x14FF),
    /**
     * Not SMPP's: a vendor-specific tag with which {@link TlvLengthGuard} marks a deliver_sm whose body does not parse
     * (a TLV running past the end, octets after the last TLV, a mandatory part running past the PDU).
     */
    DAMAGED(0x14FE);

    private final int code;

    TlvTag(int code) {
        this.code = code;
    }

    /** The 16-bit tag, 0x0000-0xFFFF. */
    public int code() {
        return code;
    }
}
