package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static vn.smsgw.gateway.smpp.Pdus.hex;

import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.intake.ConcatKey;
import vn.smsgw.dispatch.intake.ConcatScheme;
import vn.smsgw.dispatch.intake.PartContent;
import vn.smsgw.parser.text.TextCoding;

/** MoPdu.of over real jsmpp DeliverSm objects, decoded end to end. */
class MoPduTest {
    /** source_addr and destination_addr of the test deliver_sm: the receipt is about them. */
    static final String SUBSCRIBER = "84912345678";
    static final String SHORT_CODE = "5656";

    private final MoDecoder decoder = new MoDecoder(DefaultAlphabet.GSM7);

    @Test
    void of_plainDeliverSm_copiesFields() {
        DeliverSm deliverSm = deliverSm(0x00, 0x08, "LD 0987654321 lừa đảo".getBytes(StandardCharsets.UTF_16BE));

        MoPdu pdu = MoPdu.of(deliverSm);

        assertEquals("84912345678", pdu.source());
        assertEquals("5656", pdu.destination());
        assertEquals(0x08, pdu.dataCoding());
        assertEquals(new DecodedMo.Whole("LD 0987654321 lừa đảo"), decoder.decode(pdu));
    }

    @Test
    void of_gsmWithAtSigns_keepsNulOctets() {
        MoPdu pdu = MoPdu.of(deliverSm(0x00, 0x00, hex("494e464f20057405201b652000")));

        assertArrayEquals(hex("494e464f20057405201b652000"), pdu.shortMessage());
        assertEquals(new DecodedMo.Whole("INFO été € @"), decoder.decode(pdu));
    }

    @Test
    void of_sarAndPayloadTlvs_keepsRawValues() {
        DeliverSm deliverSm = deliverSm(0x00, 0x00, new byte[0]);
        deliverSm.setOptionalParameters(
                new OptionalParameter.Message_payload(hex("616263")),
                new OptionalParameter.Sar_msg_ref_num((short) 0x0102),
                new OptionalParameter.Sar_total_segments((byte) 3),
                new OptionalParameter.Sar_segment_seqnum((byte) 2));

        DecodedMo decoded = decoder.decode(MoPdu.of(deliverSm));

        assertEquals(new DecodedMo.Part(new ConcatKey(ConcatScheme.SAR, 0x0102, 3), 2,
                new PartContent.Text(TextCoding.GSM7, hex("616263"))), decoded);
    }

    @Test
    void of_manyParameters_allKeptLastOccurrenceWins() {
        OptionalParameter[] parameters = new OptionalParameter[20_001];
        for (int i = 0; i < 20_000; i++) {
            parameters[i] = new OptionalParameter.OctetString((short) (0x2000 + i), new byte[0]);
        }
        parameters[20_000] = new OptionalParameter.OctetString((short) 0x2000, new byte[] {7});
        DeliverSm deliverSm = deliverSm(0x00, 0x00, hex("4869"));
        deliverSm.setOptionalParameters(parameters);

        MoPdu pdu = MoPdu.of(deliverSm);

        int[] tags = new int[20_000];
        byte[][] values = new byte[20_000][];
        for (int i = 0; i < 20_000; i++) {
            tags[i] = 0x2000 + i;
            values[i] = i == 0 ? new byte[] {7} : new byte[0];
        }
        assertEquals(Tlvs.of(tags, values), pdu.tlvs());
        assertEquals(Tlvs.none().with(0x2000, new byte[] {7}).with(0x2001, new byte[0]),
                Tlvs.of(new int[] {0x2000, 0x2001, 0x2000}, new byte[][] {{1}, {}, {7}}), "the last occurrence wins");
    }

    @Test
    void of_udhConcatenation_isPart() {
        DecodedMo decoded = decoder.decode(MoPdu.of(deliverSm(0x40, 0x00, hex("050003 2a 02 01 4869"))));

        assertEquals(new DecodedMo.Part(new ConcatKey(ConcatScheme.UDH_8BIT_REF, 42, 2), 1,
                new PartContent.Text(TextCoding.GSM7, hex("4869"))), decoded);
    }

    @Test
    void of_receiptWithTlvs_tlvsWin() {
        DeliverSm deliverSm = deliverSm(0x00, 0x00,
                "id:12345 sub:001 dlvrd:001 stat:UNDELIV err:001".getBytes(StandardCharsets.US_ASCII));
        deliverSm.setSmscDeliveryReceipt();
        deliverSm.setOptionalParameters(
                new OptionalParameter.Receipted_message_id("3039"),
                new OptionalParameter.Message_state((byte) 2));

        DecodedMo.Receipt receipt = assertInstanceOf(DecodedMo.Receipt.class, decoder.decode(MoPdu.of(deliverSm)));

        assertEquals(new DeliveryReceipt("3039", ReceiptState.DELIVERED, "001", true,
                SUBSCRIBER, SHORT_CODE), receipt.receipt());
    }

    @Test
    void of_vendorStatJsmppRejects_isParsed() {
        DeliverSm deliverSm = deliverSm(0x00, 0x00, "id:7 stat:ACCEPTED".getBytes(StandardCharsets.US_ASCII));
        deliverSm.setSmscDeliveryReceipt();

        DecodedMo.Receipt receipt = assertInstanceOf(DecodedMo.Receipt.class, decoder.decode(MoPdu.of(deliverSm)));

        assertEquals(ReceiptState.ACCEPTED, receipt.receipt().state());
    }

    @Test
    void of_missingShortMessageAndAddresses_isEmpty() {
        DeliverSm deliverSm = new DeliverSm();

        MoPdu pdu = MoPdu.of(deliverSm);

        assertEquals("", pdu.source());
        assertEquals(0, pdu.shortMessage().length);
        assertEquals(new DecodedMo.Whole(""), decoder.decode(pdu));
    }

    @Test
    void toString_anyPdu_masksSource() {
        assertFalse(MoPdu.of(deliverSm(0, 0, new byte[0])).toString().contains("84912345678"));
    }

    @Test
    void equals_sameContent_isEqual() {
        assertEquals(MoPdu.of(deliverSm(0, 0, hex("4869"))), MoPdu.of(deliverSm(0, 0, hex("4869"))));
    }

    private static DeliverSm deliverSm(int esmClass, int dataCoding, byte[] shortMessage) {
        DeliverSm deliverSm = new DeliverSm();
        deliverSm.setSourceAddr("84912345678");
        deliverSm.setDestAddress("5656");
        deliverSm.setEsmClass((byte) esmClass);
        deliverSm.setDataCoding((byte) dataCoding);
        deliverSm.setShortMessage(shortMessage);
        return deliverSm;
    }
}
