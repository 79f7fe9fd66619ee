package vn.smsgw.dispatch.intake;

/** How the parts of a concatenated message are marked. */
public enum ConcatScheme {
    /** UDH information element 0x00: 8-bit reference. */
    UDH_8BIT_REF(0xFF),
    /** UDH information element 0x08: 16-bit reference. */
    UDH_16BIT_REF(0xFFFF),
    /** SMPP TLVs sar_msg_ref_num (16-bit), sar_total_segments, sar_segment_seqnum. */
    SAR(0xFFFF);

    private final int maxRef;

    ConcatScheme(int maxRef) {
        this.maxRef = maxRef;
    }

    /** The largest reference number the scheme can carry. */
    public int maxRef() {
        return maxRef;
    }
}
