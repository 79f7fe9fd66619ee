package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.smsgw.gateway.smpp.DecodedMo.Malformed;

/** A deliver_sm with a fixed-size TLV of the wrong length, as jsmpp would read it with and without the guard. */
class TlvLengthGuardTest {

    /** A deliver_sm of "LD 0987654321" from a subscriber to 156, with these raw TLV octets after it. */
    private static byte[] deliverSm(int... tlvOctets) throws Exception {
        byte[] body = new DefaultComposer().deliverSm(7, "", (byte) 1, (byte) 1, "84912345678", (byte) 0, (byte) 0,
                "156", (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0,
                "LD 0987654321".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer pdu = ByteBuffer.allocate(body.length + tlvOctets.length);
        pdu.put(body);
        for (int b : tlvOctets) {
            pdu.put((byte) b);
        }
        pdu.putInt(0, pdu.capacity());
        return pdu.array();
    }

    /** The octets of a TLV of {@code tag} with a value of {@code length} zero octets. */
    private static int[] zeroTlv(int tag, int length) {
        int[] tlv = new int[4 + length];
        tlv[0] = tag >> 8;
        tlv[1] = tag & 0xFF;
        tlv[2] = length >> 8 & 0xFF;
        tlv[3] = length & 0xFF;
        return tlv;
    }

    private static DeliverSm read(byte[] pdu) throws Exception {
        return new DefaultDecomposer().deliverSm(pdu);
    }

    @Test
    void guard_sarTotalSegmentsOfNoOctets_isMovedSoJsmppReadsItAndTheDecoderRefusesIt() throws Exception {
        byte[] pdu = deliverSm(0x02, 0x0E, 0x00, 0x00);
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> read(pdu), "what jsmpp does without the guard");

        DeliverSm guarded = read(TlvLengthGuard.guard(pdu));

        OptionalParameter moved = guarded.getOptionalParameter((short) TlvTag.WRONG_LENGTH.code());
        assertArrayEquals(new byte[] {0x02, 0x0E}, ((OptionalParameter.OctetString) moved).getValue());
        Malformed m = assertInstanceOf(Malformed.class, new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(guarded)));
        assertEquals(CommandStatus.ESME_RINVTLVLEN, m.status());
        assertTrue(m.reason().contains("0x020E"), m.reason());
    }

    private static int[] octets(String hexWithSpaces) {
        String hex = hexWithSpaces.replace(" ", "");
        int[] octets = new int[hex.length() / 2];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return octets;
    }

    @ParameterizedTest
    @ValueSource(strings = {"020C 0001 07", "020C 0003 010203", "020E 0000", "020F 0002 0101"})
    void guard_sarTlvOfTheWrongLength_isRefusedWithEsmeRinvtlvlen(String tlv) throws Exception {
        DeliverSm guarded = read(TlvLengthGuard.guard(deliverSm(octets(tlv))));

        DecodedMo decoded = new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(guarded));
        assertEquals(CommandStatus.ESME_RINVTLVLEN, assertInstanceOf(Malformed.class, decoded).status(), tlv);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0427 0000", "0427 0002 0202", "0204 0001 07"})
    void guard_otherFixedSizeTlvOfTheWrongLength_isLeftOutAndTheMessageTaken(String tlv) throws Exception {
        byte[] pdu = deliverSm(octets(tlv));

        DecodedMo decoded = new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(read(TlvLengthGuard.guard(pdu))));

        assertEquals("LD 0987654321", assertInstanceOf(DecodedMo.Whole.class, decoded).text(), tlv);
    }

    @Test
    void guard_receiptWithMessageStateOfTheWrongLength_isReadFromItsText() throws Exception {
        byte[] text = "id:1A2B stat:DELIVRD err:000".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new DefaultComposer().deliverSm(9, "", (byte) 1, (byte) 1, "84912345678", (byte) 0, (byte) 0,
                "156", (byte) 0x04, (byte) 0, (byte) 0, (byte) 0, (byte) 0, text); // esm_class 0x04: a receipt
        ByteBuffer pdu = ByteBuffer.allocate(body.length + 8).put(body)
                .put(new byte[] {0x04, 0x27, 0x00, 0x04, 0x00, 0x00, 0x00, 0x02});
        pdu.putInt(0, pdu.capacity());

        DecodedMo decoded = new MoDecoder(DefaultAlphabet.GSM7).decode(
                MoPdu.of(read(TlvLengthGuard.guard(pdu.array()))));

        assertInstanceOf(DecodedMo.Receipt.class, decoded, "not refused for a TLV its text makes up for");
    }

    @Test
    void guard_oneOctetAfterTheLastTlv_isLeftOutAsJsmppLeavesIt() throws Exception {
        byte[] pdu = deliverSm(0x00);

        DecodedMo decoded = new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(read(TlvLengthGuard.guard(pdu))));

        assertEquals("LD 0987654321", assertInstanceOf(DecodedMo.Whole.class, decoded).text());
    }

    @Test
    void guard_sarTlvOfTheLongestLengthJsmppReads_isRefusedNotMovedPastWhatItCanRead() throws Exception {
        DeliverSm guarded = read(TlvLengthGuard.guard(deliverSm(zeroTlv(0x020C, 0x7FFF)))); // sar_msg_ref_num

        DecodedMo decoded = new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(guarded));
        assertEquals(CommandStatus.ESME_RINVTLVLEN, assertInstanceOf(Malformed.class, decoded).status());
    }

    @Test
    void guard_sarTlvOfTheWrongLengthFollowedByAnotherOfTheWrongLength_isStillRefused() throws Exception {
        byte[] pdu = deliverSm(octets("020C 0001 07 0204 0001 07")); // the second would hide the first

        DecodedMo decoded = new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(read(TlvLengthGuard.guard(pdu))));

        assertEquals(CommandStatus.ESME_RINVTLVLEN, assertInstanceOf(Malformed.class, decoded).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void guard_octetsAfterTheLastTlv_areRefusedWithEsmeRinvoptparstreamNotLeftToCrashJsmpp(int stray) throws Exception {
        int[] tail = Arrays.copyOf(octets("020C 0002 1234"), 6 + stray); // a good TLV, then 0x00 octets
        byte[] pdu = deliverSm(tail);
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> read(pdu), "what jsmpp does without the guard");

        DecodedMo decoded = new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(read(TlvLengthGuard.guard(pdu))));

        Malformed m = assertInstanceOf(Malformed.class, decoded);
        assertEquals(CommandStatus.ESME_RINVOPTPARSTREAM, m.status());
        assertTrue(m.reason().contains(stray + " octets after"), m.reason());
    }

    @Test
    void guard_tlvRunningPastTheEnd_isMarkedAndRefusedWithEsmeRinvoptparstream() throws Exception {
        byte[] pdu = deliverSm(0x04, 0x24, 0x00, 0x10, 'L', 'D');

        DeliverSm guarded = read(TlvLengthGuard.guard(pdu));

        OptionalParameter mark = guarded.getOptionalParameter((short) TlvTag.DAMAGED.code());
        assertArrayEquals(new byte[] {1, 0x04, 0x24}, ((OptionalParameter.OctetString) mark).getValue());
        Malformed m = assertInstanceOf(Malformed.class, new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(guarded)));
        assertEquals(CommandStatus.ESME_RINVOPTPARSTREAM, m.status());
        assertTrue(m.reason().contains("0x0424 runs past the end"), m.reason());
    }

    @Test
    void guard_tlvLongerThanASignedShort_isMovedAndRefused() throws Exception {
        byte[] pdu = deliverSm(zeroTlv(0x0424, 40_000)); // message_payload

        DeliverSm guarded = read(TlvLengthGuard.guard(pdu));

        DecodedMo decoded = new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(guarded));
        assertEquals(CommandStatus.ESME_RINVOPTPARSTREAM, assertInstanceOf(Malformed.class, decoded).status());
    }

    @Test
    void guard_smscsOwnTlvUnderTheMarkingTag_isLeftOutNotTakenForAMovedOne() throws Exception {
        byte[] pdu = deliverSm(0x14, 0xFF, 0x00, 0x02, 0x01, 0x02);

        DeliverSm guarded = read(TlvLengthGuard.guard(pdu));

        assertEquals(0, guarded.getOptionalParameters() == null ? 0 : guarded.getOptionalParameters().length);
        assertInstanceOf(DecodedMo.Whole.class, new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(guarded)));
    }

    @Test
    void guard_mandatoryPartWithoutItsNul_becomesAnEmptyDeliverSmOfTheSameSequenceRefusedWithEsmeRinvcmdlen()
            throws Exception {
        byte[] pdu = new byte[40];
        ByteBuffer.wrap(pdu).putInt(0, 40).putInt(4, 0x00000005).putInt(12, 7);
        Arrays.fill(pdu, 16, 40, (byte) 'x'); // service_type without its NUL
        assertThrows(RuntimeException.class, () -> read(pdu), "what jsmpp does without the guard");

        DeliverSm guarded = read(TlvLengthGuard.guard(pdu));

        assertEquals(7, guarded.getSequenceNumber(), "answered under the SMSC's sequence number");
        Malformed m = assertInstanceOf(Malformed.class, new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(guarded)));
        assertEquals(CommandStatus.ESME_RINVCMDLEN, m.status());
    }

    /** A deliver_sm of these mandatory fields, written as they come, whatever their sizes. */
    private static byte[] rawDeliverSm(String serviceType, String source, String destination, String schedule,
            String validity, int smLength) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(new byte[16]);
        b.writeBytes((serviceType + "\0").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {1, 1});
        b.writeBytes((source + "\0").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0, 0});
        b.writeBytes((destination + "\0").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0, 0, 0});
        b.writeBytes((schedule + "\0").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes((validity + "\0").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0, 0, 0, 0, (byte) smLength});
        byte[] text = new byte[smLength];
        Arrays.fill(text, (byte) 'x');
        b.writeBytes(text);
        byte[] pdu = b.toByteArray();
        ByteBuffer.wrap(pdu).putInt(0, pdu.length).putInt(4, 0x00000005).putInt(12, 11);
        return pdu;
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "SVCTYP6, 84912345678, 156, '', '', 13, ESME_RINVSERTYP",
        "'', 849123456789012345678, 156, '', '', 13, ESME_RINVSRCADR",
        "'', 84912345678, 156000000000000000000, '', '', 13, ESME_RINVDSTADR",
        "'', 84912345678, 156, 2612080730000, '', 13, ESME_RINVSCHED",
        "'', 84912345678, 156, '', 26120807300000000, 13, ESME_RINVEXPIRY",
        "'', 84912345678, 156, '', '', 255, ESME_RINVMSGLEN"})
    void guard_mandatoryFieldOverItsSmppSize_isAnsweredWithItsOwnErrorNotAGenericNack(String serviceType,
            String source, String destination, String schedule, String validity, int smLength, CommandStatus status)
            throws Exception {
        byte[] pdu = rawDeliverSm(serviceType, source, destination, schedule, validity, smLength);
        assertThrows(Exception.class, () -> read(pdu), "jsmpp refuses it, and its session answers a generic_nack");

        DeliverSm guarded = read(TlvLengthGuard.guard(pdu));

        assertEquals(11, guarded.getSequenceNumber(), "answered under the SMSC's sequence number");
        Malformed m = assertInstanceOf(Malformed.class, new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(guarded)));
        assertEquals(status, m.status(), m.reason());
    }

    @Test
    void guard_mandatoryFieldsAtTheirLargestSmppSizes_areLeftAsTheyAre() throws Exception {
        byte[] pdu = rawDeliverSm("SVCTY", "84912345678901234567", "15600000000000000000", "261208073000000+",
                "261208073000000+", 254);

        assertSame(pdu, TlvLengthGuard.guard(pdu));
        assertEquals(254, read(pdu).getShortMessage().length);
    }

    @Test
    void guard_smLengthPastTheEnd_isRefusedWithEsmeRinvcmdlen() throws Exception {
        byte[] pdu = deliverSm();
        pdu[pdu.length - 14] = (byte) 200; // sm_length of "LD 0987654321" (13 octets) raised past the PDU's end

        DeliverSm guarded = read(TlvLengthGuard.guard(pdu));

        Malformed m = assertInstanceOf(Malformed.class, new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(guarded)));
        assertEquals(CommandStatus.ESME_RINVCMDLEN, m.status());
    }

    @Test
    void guard_malformedDataSm_becomesAnEmptyOneOfTheSameSequenceThatJsmppReads() throws Exception {
        byte[] pdu = new byte[30];
        ByteBuffer.wrap(pdu).putInt(0, 30).putInt(4, 0x00000103).putInt(12, 9);
        Arrays.fill(pdu, 16, 30, (byte) 'x'); // service_type without its NUL
        assertThrows(RuntimeException.class, () -> new DefaultDecomposer().dataSm(pdu),
                "what jsmpp does without the guard");

        org.jsmpp.bean.DataSm read = new DefaultDecomposer().dataSm(TlvLengthGuard.guard(pdu));

        assertEquals(9, read.getSequenceNumber(), "refused under the SMSC's sequence number");
    }

    @Test
    void guard_alertOnMessageDeliveryOfOneOctet_leavesThePduAsItIs() throws Exception {
        byte[] pdu = deliverSm(0x13, 0x0C, 0x00, 0x01, 0x01);

        assertSame(pdu, TlvLengthGuard.guard(pdu), "valid as jsmpp reads it: nothing to copy");
    }

    @Test
    void guard_wellFormedTlvs_leavesThePduAsItIs() throws Exception {
        byte[] pdu = deliverSm(0x02, 0x0C, 0x00, 0x02, 0x12, 0x34, 0x02, 0x0E, 0x00, 0x01, 0x02, 0x02, 0x0F, 0x00, 0x01,
                0x01, 0x14, 0x20, 0x00, 0x03, 'a', 'b', 'c');

        assertSame(pdu, TlvLengthGuard.guard(pdu));
        assertInstanceOf(DecodedMo.Part.class, new MoDecoder(DefaultAlphabet.GSM7).decode(MoPdu.of(read(pdu))),
                "part 1 of 2 by its SAR parameters");
    }

    @Test
    void readPdu_throughTheReaderBindsUse_guardsWhatItReads() throws Exception {
        byte[] pdu = deliverSm(0x02, 0x0E, 0x00, 0x00);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(pdu));
        GuardedPduReader reader = new GuardedPduReader();

        byte[] read = reader.readPDU(in, reader.readPDUHeader(in));

        assertEquals(TlvLengthGuard.REWRITTEN_TAG,
                read(read).getOptionalParameters()[0].tag, "moved as it was read");
    }

    @Test
    void readPdu_commandLengthNoPduHas_isAnIoErrorNotAnAllocation() throws Exception {
        for (int length : new int[] {0x7FFFFFFF, GuardedPduReader.MAX_COMMAND_LENGTH + 1}) {
            byte[] header = ByteBuffer.allocate(16).putInt(length).putInt(0x00000005).putInt(0).putInt(1)
                    .array();
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(header));
            GuardedPduReader reader = new GuardedPduReader();

            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> reader.readPDU(in, reader.readPDUHeader(in)));
            assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        }
    }
}
