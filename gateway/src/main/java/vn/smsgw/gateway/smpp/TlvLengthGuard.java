package vn.smsgw.gateway.smpp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jsmpp.bean.OptionalParameter;

/**
 * Keeps a deliver_sm whose fixed-size optional parameter has the wrong length from stopping jsmpp. jsmpp decodes a
 * 1-, 2- or 4-octet TLV (sar_total_segments, sar_msg_ref_num, message_state, ...) by reading that many octets
 * before the listener is called; a shorter value throws ArrayIndexOutOfBoundsException out of its PDU task, no
 * deliver_sm_resp is written, and the SMSC sends the same PDU again, for ever. A longer one is silently cut. So, as
 * the PDU is read, each such TLV is moved under {@link #REWRITTEN_TAG} with its own tag in front of its value, which
 * jsmpp keeps as octets; {@link #check} then refuses the deliver_sm with ESME_RINVTLVLEN, naming the TLV. A TLV that
 * runs past the end of the PDU, or is longer than jsmpp's signed 16-bit length can read, is moved the same way, cut.
 */
final class TlvLengthGuard {

    /** A vendor-specific tag (SMPP 3.4 §5.3.2: 0x1400-0x3FFF) for a TLV of the wrong length, its tag in front. */
    static final int REWRITTEN_TAG = TlvTag.WRONG_LENGTH.code();

    private static final int DELIVER_SM = 0x00000005;
    private static final int HEADER = 16;
    private static final int ALERT_ON_MESSAGE_DELIVERY = 0x130C;

    /**
     * The fixed-size tags jsmpp knows, with their lengths, read once: every deliver_sm's TLVs are looked up here, and
     * jsmpp's own Tag.valueOf copies and walks its whole table for each call.
     */
    private static final Map<Integer, Integer> FIXED_LENGTHS = fixedLengths();

    private TlvLengthGuard() {
    }

    /** The PDU as read, or, for a deliver_sm with a TLV of the wrong length, a copy with it moved. */
    static byte[] guard(byte[] pdu) {
        if (pdu.length < HEADER || ByteBuffer.wrap(pdu).getInt(4) != DELIVER_SM) {
            return pdu;
        }
        int at = optionalPart(pdu);
        if (at < 0) {
            return pdu; // the mandatory part does not parse: jsmpp refuses that itself
        }
        if (allFit(pdu, at)) {
            return pdu;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdu.length + 16);
        out.write(pdu, 0, at);
        while (at + 4 <= pdu.length) {
            int tag = (pdu[at] & 0xFF) << 8 | pdu[at + 1] & 0xFF;
            int length = (pdu[at + 2] & 0xFF) << 8 | pdu[at + 3] & 0xFF;
            int available = Math.min(length, pdu.length - at - 4);
            int expected = fixedLength(tag);
            if (tag == ALERT_ON_MESSAGE_DELIVERY && length == 0 || tag == REWRITTEN_TAG) {
                // a zero-length alert_on_message_delivery is valid SMPP that jsmpp would read as one octet; a TLV of
                // the SMSC's own under the tag this guard marks with would read as ours: both left out (smsgw reads
                // neither)
            } else if (available != length || length > 0x7FFF || expected >= 0 && length != expected) {
                // (jsmpp reads a length as a signed short: one above 32,767 would fail it too)
                int moved = Math.min(available, 0x7FFF - 2);
                writeTlv(out, REWRITTEN_TAG, 2 + moved);
                out.write(tag >> 8);
                out.write(tag);
                out.write(pdu, at + 4, moved);
            } else {
                out.write(pdu, at, 4 + length);
            }
            at += 4 + available;
        }
        byte[] guarded = out.toByteArray();
        ByteBuffer.wrap(guarded).putInt(0, guarded.length);
        return guarded;
    }

    /** ESME_RINVTLVLEN for a deliver_sm with a TLV that {@link #guard} moved. */
    static Optional<DecodedMo.Malformed> check(Tlvs tlvs) {
        return tlvs.get(TlvTag.WRONG_LENGTH).map(v -> new DecodedMo.Malformed(String.format(
                "optional parameter 0x%04X of the wrong length", v.length < 2 ? 0 : (v[0] & 0xFF) << 8 | v[1] & 0xFF),
                CommandStatus.ESME_RINVTLVLEN));
    }

    private static boolean allFit(byte[] pdu, int at) {
        while (at + 4 <= pdu.length) {
            int tag = (pdu[at] & 0xFF) << 8 | pdu[at + 1] & 0xFF;
            int length = (pdu[at + 2] & 0xFF) << 8 | pdu[at + 3] & 0xFF;
            int expected = fixedLength(tag);
            if (at + 4 + length > pdu.length || length > 0x7FFF || expected >= 0 && length != expected
                    || tag == ALERT_ON_MESSAGE_DELIVERY || tag == REWRITTEN_TAG) {
                return false;
            }
            at += 4 + length;
        }
        return true;
    }

    /** The length jsmpp reads for the tag: 1, 2 or 4 octets, 0 for a flag; -1 for a value of any length. */
    static int fixedLength(int tag) {
        return FIXED_LENGTHS.getOrDefault(tag, -1);
    }

    private static Map<Integer, Integer> fixedLengths() {
        Map<Integer, Integer> lengths = new HashMap<>();
        for (OptionalParameter.Tag known : OptionalParameter.Tag.values()) {
            Class<?> type = known.type();
            while (type != null && type.getEnclosingClass() == OptionalParameter.class
                    && type.getSuperclass() != OptionalParameter.class) {
                type = type.getSuperclass();
            }
            int length = type == OptionalParameter.Byte.class ? 1 : type == OptionalParameter.Short.class ? 2
                    : type == OptionalParameter.Int.class ? 4 : type == OptionalParameter.Null.class ? 0 : -1;
            if (length >= 0) {
                lengths.put(known.code() & 0xFFFF, length);
            }
        }
        return Map.copyOf(lengths);
    }

    /** Where the optional part of a deliver_sm starts, or -1 when its mandatory part runs past the PDU. */
    private static int optionalPart(byte[] pdu) {
        int at = skipCString(pdu, HEADER); // service_type
        at = skipCString(pdu, at < 0 ? -1 : at + 2); // source_addr_ton and _npi, source_addr
        at = skipCString(pdu, at < 0 ? -1 : at + 2); // dest_addr_ton and _npi, destination_addr
        at = skipCString(pdu, at < 0 ? -1 : at + 3); // esm_class, protocol_id, priority_flag, schedule_delivery_time
        at = skipCString(pdu, at); // validity_period
        if (at < 0) {
            return -1;
        }
        at += 4; // registered_delivery, replace_if_present_flag, data_coding, sm_default_msg_id
        if (at >= pdu.length) {
            return -1;
        }
        int smLength = pdu[at] & 0xFF;
        at += 1 + smLength;
        return at <= pdu.length ? at : -1;
    }

    private static int skipCString(byte[] pdu, int at) {
        if (at < HEADER) {
            return -1;
        }
        for (int i = at; i < pdu.length; i++) {
            if (pdu[i] == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, int length) {
        out.write(tag >> 8);
        out.write(tag);
        out.write(length >> 8);
        out.write(length);
    }
}
