package vn.smsgw.gateway.smpp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsmpp.bean.OptionalParameter;

/**
 * Keeps a deliver_sm whose body does not parse from stopping jsmpp. jsmpp decodes a 1-, 2- or 4-octet TLV
 * (sar_total_segments, sar_msg_ref_num, message_state, ...) by reading that many octets before the listener is
 * called; a shorter value throws ArrayIndexOutOfBoundsException out of its PDU task, no deliver_sm_resp is written,
 * the PDU thread ends, and the SMSC sends the same PDU again, for ever. A longer one is silently cut. The same happens
 * for 2 or 3 octets after the last whole TLV (read as a TLV header; one octet jsmpp leaves unread, and so does this)
 * and for a mandatory field that runs past the end of the PDU (a C-string without its NUL, an sm_length beyond the
 * PDU). So, as the PDU is read:
 * <ul>
 *   <li>a fixed-size TLV of the wrong length is replaced by {@link #REWRITTEN_TAG} holding its tag, which jsmpp keeps
 *   as octets, when it is one smsgw reads (the SAR parameters): {@link #check} refuses the
 *   deliver_sm with ESME_RINVTLVLEN; any other is left out (a receipt whose message_state is of the wrong length is
 *   read from its text);</li>
 *   <li>a TLV that runs past the end of the PDU, or is longer than jsmpp's signed 16-bit length can read, and octets
 *   after the last TLV are replaced by a {@link TlvTag#DAMAGED} mark, refused with ESME_RINVOPTPARSTREAM;</li>
 *   <li>a deliver_sm whose mandatory part runs past the PDU becomes an empty deliver_sm of the same sequence number
 *   with that mark, refused with ESME_RINVCMDLEN; one with a field over its SMPP size (a source_addr of 21
 *   characters, an sm_length of 255, a validity_period of 12 characters), which jsmpp would answer with a
 *   generic_nack, likewise, refused with the field's own error (ESME_RINVSRCADR, ESME_RINVMSGLEN, ...);</li>
 *   <li>a data_sm, which smsgw refuses whatever it holds, becomes an empty one of the same sequence number.</li>
 * </ul>
 */
final class TlvLengthGuard {

    /** A vendor-specific tag (SMPP 3.4 §5.3.2: 0x1400-0x3FFF) for a TLV of the wrong length, its tag in front. */
    static final int REWRITTEN_TAG = TlvTag.WRONG_LENGTH.code();
    private static final int DAMAGED_TAG = TlvTag.DAMAGED.code();
    /** What a {@link TlvTag#DAMAGED} mark says, in its first octet. */
    private static final int PAST_THE_END = 1;
    private static final int STRAY_OCTETS = 2;
    private static final int MANDATORY_PART = 3;
    /** A mandatory field that fits the PDU but not its SMPP size (which jsmpp checks): its number follows. */
    private static final int FIELD_SIZE = 4;
    private static final int SERVICE_TYPE = 1;
    private static final int SOURCE_ADDR = 2;
    private static final int DESTINATION_ADDR = 3;
    private static final int SCHEDULE_DELIVERY_TIME = 4;
    private static final int VALIDITY_PERIOD = 5;
    private static final int SHORT_MESSAGE = 6;
    /** The fixed-size TLVs smsgw reads, which it cannot do without when they are of the wrong length. */
    private static final Set<Integer> READ_FIXED = Set.of(TlvTag.SAR_MSG_REF_NUM.code(),
            TlvTag.SAR_TOTAL_SEGMENTS.code(), TlvTag.SAR_SEGMENT_SEQNUM.code());

    private static final int DELIVER_SM = 0x00000005;
    private static final int DATA_SM = 0x00000103;
    private static final int HEADER = 16;
    private static final int ALERT_ON_MESSAGE_DELIVERY = 0x130C;

    /**
     * The fixed-size tags jsmpp knows, with their lengths, read once: every deliver_sm's TLVs are looked up here, and
     * jsmpp's own Tag.valueOf copies and walks its whole table for each call.
     */
    private static final Map<Integer, Integer> FIXED_LENGTHS = fixedLengths();

    private TlvLengthGuard() {
    }

    /** The PDU as read, or, for a deliver_sm whose body does not parse as it is, a copy that jsmpp can read. */
    static byte[] guard(byte[] pdu) {
        if (pdu.length >= HEADER && ByteBuffer.wrap(pdu).getInt(4) == DATA_SM) {
            return emptyDataSm(pdu);
        }
        if (pdu.length < HEADER || ByteBuffer.wrap(pdu).getInt(4) != DELIVER_SM) {
            return pdu;
        }
        int at = optionalPart(pdu);
        if (at == -1) {
            return emptyWithMark(pdu, MANDATORY_PART);
        }
        if (at < 0) {
            return emptyWithMark(pdu, FIELD_SIZE, -at - 1);
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
            if (tag == ALERT_ON_MESSAGE_DELIVERY && length == 0 || tag == REWRITTEN_TAG || tag == DAMAGED_TAG) {
                // a zero-length alert_on_message_delivery is valid SMPP that jsmpp would read as one octet; a TLV of
                // the SMSC's own under a tag this guard marks with would read as ours: both left out (smsgw reads
                // neither)
            } else if (available != length || length > 0x7FFF) {
                // (jsmpp reads a length as a signed short: one above 32,767 would fail it too)
                writeTlv(out, DAMAGED_TAG, 3);
                out.write(PAST_THE_END);
                out.write(tag >> 8);
                out.write(tag);
            } else if (expected >= 0 && length != expected) {
                // one smsgw reads is kept, to be refused; any other is left out (only one TLV of a tag survives
                // jsmpp's reading, so a second moved one must not hide the first)
                if (READ_FIXED.contains(tag)) { // its tag only: a value of up to 32,767 octets would not fit after it
                    writeTlv(out, REWRITTEN_TAG, 2);
                    out.write(tag >> 8);
                    out.write(tag);
                }
            } else {
                out.write(pdu, at, 4 + length);
            }
            at += 4 + available;
        }
        if (pdu.length - at >= 2) { // 2 or 3 octets, too few for a TLV header: jsmpp would read past the end
            writeTlv(out, DAMAGED_TAG, 2);
            out.write(STRAY_OCTETS);
            out.write(pdu.length - at);
        } // (one octet jsmpp leaves unread: left out, as before)
        byte[] guarded = out.toByteArray();
        ByteBuffer.wrap(guarded).putInt(0, guarded.length);
        return guarded;
    }

    /**
     * The refusal of a deliver_sm that {@link #guard} marked: ESME_RINVCMDLEN or ESME_RINVOPTPARSTREAM for a body that
     * does not parse, ESME_RINVTLVLEN for a SAR parameter of the wrong length; empty otherwise (a moved TLV that smsgw
     * does not read is left out).
     */
    static Optional<DecodedMo.Malformed> check(Tlvs tlvs) {
        Optional<byte[]> damaged = tlvs.get(TlvTag.DAMAGED);
        if (damaged.isPresent()) {
            byte[] v = damaged.get();
            int kind = v.length == 0 ? 0 : v[0] & 0xFF;
            if (kind == MANDATORY_PART) {
                return Optional.of(new DecodedMo.Malformed("a mandatory field runs past the end of the deliver_sm",
                        CommandStatus.ESME_RINVCMDLEN));
            }
            if (kind == FIELD_SIZE) {
                return Optional.of(fieldSize(v.length >= 2 ? v[1] & 0xFF : 0));
            }
            String what = kind == PAST_THE_END && v.length >= 3
                    ? String.format("optional parameter 0x%04X runs past the end of the PDU",
                            (v[1] & 0xFF) << 8 | v[2] & 0xFF)
                    : (v.length >= 2 ? v[1] & 0xFF : 0) + " octets after the last optional parameter";
            return Optional.of(new DecodedMo.Malformed(what, CommandStatus.ESME_RINVOPTPARSTREAM));
        }
        return tlvs.get(TlvTag.WRONG_LENGTH)
                .filter(v -> v.length >= 2 && READ_FIXED.contains((v[0] & 0xFF) << 8 | v[1] & 0xFF))
                .map(v -> new DecodedMo.Malformed(String.format("optional parameter 0x%04X of the wrong length",
                        (v[0] & 0xFF) << 8 | v[1] & 0xFF), CommandStatus.ESME_RINVTLVLEN));
    }

    /**
     * A data_sm of {@code pdu}'s header (its sequence number) with empty fields: smsgw refuses every data_sm
     * (ESME_RINVCMDID, MO comes as deliver_sm) and reads none of it, and jsmpp, which decodes a data_sm before the
     * listener refuses it, fails on a malformed one the way it does on a deliver_sm, without answering.
     */
    private static byte[] emptyDataSm(byte[] pdu) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + 10);
        out.write(pdu, 0, HEADER);
        // service_type, source ton/npi/addr, dest ton/npi/addr, esm_class, registered_delivery, data_coding
        out.writeBytes(new byte[10]);
        byte[] empty = out.toByteArray();
        ByteBuffer.wrap(empty).putInt(0, empty.length);
        return empty;
    }

    /** The refusal of a deliver_sm whose mandatory field {@code field} is over its SMPP size. */
    private static DecodedMo.Malformed fieldSize(int field) {
        return switch (field) {
            case SERVICE_TYPE -> new DecodedMo.Malformed("service_type longer than 5 characters",
                    CommandStatus.ESME_RINVSERTYP);
            case SOURCE_ADDR -> new DecodedMo.Malformed("source_addr longer than 20 characters",
                    CommandStatus.ESME_RINVSRCADR);
            case DESTINATION_ADDR -> new DecodedMo.Malformed("destination_addr longer than 20 characters",
                    CommandStatus.ESME_RINVDSTADR);
            case SCHEDULE_DELIVERY_TIME -> new DecodedMo.Malformed("schedule_delivery_time neither empty nor 16 "
                    + "characters", CommandStatus.ESME_RINVSCHED);
            case VALIDITY_PERIOD -> new DecodedMo.Malformed("validity_period neither empty nor 16 characters",
                    CommandStatus.ESME_RINVEXPIRY);
            default -> new DecodedMo.Malformed("sm_length over 254", CommandStatus.ESME_RINVMSGLEN);
        };
    }

    /** A deliver_sm of {@code pdu}'s header (its sequence number) with empty fields and a mark of its broken body. */
    private static byte[] emptyWithMark(byte[] pdu, int... mark) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        out.write(pdu, 0, HEADER);
        // service_type, source ton/npi/addr, dest ton/npi/addr, esm_class, protocol_id, priority_flag,
        // schedule_delivery_time, validity_period, registered_delivery, replace_if_present, data_coding,
        // sm_default_msg_id, sm_length
        out.writeBytes(new byte[17]);
        writeTlv(out, DAMAGED_TAG, mark.length);
        for (int m : mark) {
            out.write(m);
        }
        byte[] marked = out.toByteArray();
        ByteBuffer.wrap(marked).putInt(0, marked.length);
        return marked;
    }

    private static boolean allFit(byte[] pdu, int at) {
        while (at + 4 <= pdu.length) {
            int tag = (pdu[at] & 0xFF) << 8 | pdu[at + 1] & 0xFF;
            int length = (pdu[at + 2] & 0xFF) << 8 | pdu[at + 3] & 0xFF;
            int expected = fixedLength(tag);
            if (at + 4 + length > pdu.length || length > 0x7FFF || expected >= 0 && length != expected
                    || tag == ALERT_ON_MESSAGE_DELIVERY && length == 0 || tag == REWRITTEN_TAG || tag == DAMAGED_TAG) {
                return false;
            }
            at += 4 + length;
        }
        return pdu.length - at < 2; // 2 or 3 octets left over, too few for a TLV header, need the rewrite too
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

    /**
     * Where the optional part of a deliver_sm starts; -1 when its mandatory part runs past the PDU, {@code -1 - field}
     * when a field fits the PDU but not the size SMPP gives it (and jsmpp checks, answering a generic_nack where a
     * deliver_sm_resp with the field's own error is due).
     */
    private static int optionalPart(byte[] pdu) {
        int at = HEADER;
        int[] limits = {5, 20, 20}; // service_type, source_addr, destination_addr: the longest, NUL not counted
        int[] skips = {0, 2, 2}; // octets before each: the address's TON and NPI
        for (int f = 0; f < limits.length; f++) {
            int end = skipCString(pdu, at + skips[f]);
            if (end < 0) {
                return -1;
            }
            if (end - 1 - (at + skips[f]) > limits[f]) {
                return -1 - (SERVICE_TYPE + f);
            }
            at = end;
        }
        at += 3; // esm_class, protocol_id, priority_flag
        for (int field : new int[] {SCHEDULE_DELIVERY_TIME, VALIDITY_PERIOD}) {
            int end = skipCString(pdu, at);
            if (end < 0) {
                return -1;
            }
            int length = end - 1 - at;
            if (length != 0 && length != 16) {
                return -1 - field;
            }
            at = end;
        }
        at += 4; // registered_delivery, replace_if_present_flag, data_coding, sm_default_msg_id
        if (at >= pdu.length) {
            return -1;
        }
        int smLength = pdu[at] & 0xFF;
        at += 1 + smLength;
        if (at > pdu.length) {
            return -1;
        }
        return smLength > 254 ? -1 - SHORT_MESSAGE : at;
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
