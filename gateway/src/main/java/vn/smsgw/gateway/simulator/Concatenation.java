package vn.smsgw.gateway.simulator;

/** How the parts of a concatenated MO are tied together. */
public enum Concatenation {
    /** A user data header {@code 05 00 03 ref total seq} in front of each part, esm_class UDHI (0x40). */
    UDH,
    /** The sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs; short_message carries text only. */
    SAR
}
