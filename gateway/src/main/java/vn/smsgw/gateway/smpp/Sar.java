package vn.smsgw.gateway.smpp;

import java.util.Optional;
import vn.smsgw.dispatch.intake.ConcatKey;
import vn.smsgw.dispatch.intake.ConcatScheme;

/** The SAR concatenation TLVs of a deliver_sm: sar_msg_ref_num (2 octets), sar_total_segments, sar_segment_seqnum. */
record Sar(ConcatKey key, int seq) {

    /** A Malformed outcome when a SAR TLV that is present has the wrong length. */
    static Optional<DecodedMo.Malformed> check(Tlvs tlvs) {
        if (badLength(tlvs, TlvTag.SAR_MSG_REF_NUM, 2)
                || badLength(tlvs, TlvTag.SAR_TOTAL_SEGMENTS, 1)
                || badLength(tlvs, TlvTag.SAR_SEGMENT_SEQNUM, 1)) {
            return Optional.of(new DecodedMo.Malformed("SAR parameter of the wrong length",
                    CommandStatus.ESME_RINVTLVLEN));
        }
        return Optional.empty();
    }

    /**
     * The SAR marks, when all three TLVs are present with valid lengths and the part number is within the total
     * (otherwise they are ignored).
     */
    static Optional<Sar> read(Tlvs tlvs) {
        if (check(tlvs).isPresent()) {
            return Optional.empty();
        }
        Optional<byte[]> ref = tlvs.get(TlvTag.SAR_MSG_REF_NUM);
        Optional<byte[]> total = tlvs.get(TlvTag.SAR_TOTAL_SEGMENTS);
        Optional<byte[]> seq = tlvs.get(TlvTag.SAR_SEGMENT_SEQNUM);
        if (ref.isEmpty() || total.isEmpty() || seq.isEmpty()) {
            return Optional.empty();
        }
        int refValue = (ref.get()[0] & 0xFF) << 8 | ref.get()[1] & 0xFF;
        int totalValue = total.get()[0] & 0xFF;
        int seqValue = seq.get()[0] & 0xFF;
        if (totalValue == 0 || seqValue == 0 || seqValue > totalValue) {
            return Optional.empty();
        }
        return Optional.of(new Sar(new ConcatKey(ConcatScheme.SAR, refValue, totalValue), seqValue));
    }

    private static boolean badLength(Tlvs tlvs, TlvTag tag, int length) {
        return tlvs.get(tag).map(value -> value.length != length).orElse(false);
    }
}
