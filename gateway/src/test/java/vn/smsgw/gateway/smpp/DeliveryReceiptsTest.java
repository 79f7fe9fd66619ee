package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smsgw.gateway.smpp.Pdus.hex;
import static vn.smsgw.gateway.smpp.Pdus.mo;
import static vn.smsgw.gateway.smpp.Pdus.receipt;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.smsgw.dispatch.outbound.OutboundState;

class DeliveryReceiptsTest {
    /** source_addr and destination_addr of the test deliver_sm: the receipt is about them. */
    static final String SUBSCRIBER = "84912345678";
    static final String SHORT_CODE = "5656";

    private static final String JSMPP_STYLE = "id:12345 sub:001 dlvrd:001 submit date:0610191018"
            + " done date:0610191018 stat:DELIVRD err:000 text:LD 0912345678 lua dao";

    @Test
    void parse_standardText_readsIdStateError() {
        assertEquals(Optional.of(new DeliveryReceipt("12345", ReceiptState.DELIVERED, "000", true,
                SUBSCRIBER, SHORT_CODE)),
                DeliveryReceipts.parse(receipt(JSMPP_STYLE)));
    }

    @Test
    void parse_decimalIdForHexSubmitId_matchesThroughMessageIds() {
        String receiptId = DeliveryReceipts.parse(receipt(JSMPP_STYLE)).orElseThrow().messageId();
        String submitSmRespId = "3039"; // 12345 in hex, as jsmpp's example SMSC answers

        assertTrue(MessageIds.matchKeys(submitSmRespId).contains(MessageIds.normalise(receiptId)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lowercase stat       | id:7 stat:delivrd err:000                     | DELIVERED",
        "vendor DELIVERED     | id:7 stat:DELIVERED                           | DELIVERED",
        "vendor ACCEPTED      | id:7 stat:ACCEPTED                            | ACCEPTED",
        "vendor UNDELIVERABLE | id:7 stat:UNDELIVERABLE err:001               | UNDELIVERABLE",
        "keys in any case     | ID:7 Stat:Expired Err:003                     | EXPIRED",
        "keys in any order    | stat:REJECTD err:008 id:7                     | REJECTED",
        "underscored dates    | id:7 submit_date:2401011200 done_date:2401011201 stat:DELETED | DELETED",
        "unknown vendor stat  | id:7 stat:WEIRD                               | UNKNOWN",
        "missing stat         | id:7 sub:001 dlvrd:000                        | UNKNOWN",
        "keys in the text     | id:7 stat:DELIVRD err:000 text:stat:EXPIRED id:9 | DELIVERED",
        "numeric stat         | id:7 stat:5                                   | UNDELIVERABLE"
    })
    void parse_textVariant_readsState(String description, String text, ReceiptState expected) {
        DeliveryReceipt parsed = DeliveryReceipts.parse(receipt(text)).orElseThrow();
        assertEquals("7", parsed.messageId(), description);
        assertEquals(expected, parsed.state(), description);
    }

    @Test
    void parse_missingFields_errorIsEmptyAndTheReceiptNotFinal() {
        assertEquals(new DeliveryReceipt("abc", ReceiptState.UNKNOWN, "", false, SUBSCRIBER, SHORT_CODE),
                DeliveryReceipts.parse(receipt("id:abc")).orElseThrow());
    }

    @Test
    void parse_idInsideAnotherKey_isNotTheId() {
        assertEquals("6", DeliveryReceipts.parse(receipt("msgid:5 id:6 stat:DELIVRD")).orElseThrow().messageId());
    }

    @Test
    void parse_trailingNul_isNotPartOfValues() {
        MoPdu pdu = mo(0x04, 0x00, "id:6 stat:DELIVRD err:000\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new DeliveryReceipt("6", ReceiptState.DELIVERED, "000", true, SUBSCRIBER, SHORT_CODE),
                DeliveryReceipts.parse(pdu).orElseThrow());
    }

    @Test
    void parse_tlvsAndText_tlvsOverrideText() {
        Tlvs tlvs = Tlvs.none()
                .with(TlvTag.RECEIPTED_MESSAGE_ID, "3039\0".getBytes(StandardCharsets.US_ASCII))
                .with(TlvTag.MESSAGE_STATE, new byte[] {2});
        DeliveryReceipt parsed = DeliveryReceipts.parse(receipt("id:12345 stat:UNDELIV err:001", tlvs)).orElseThrow();
        assertEquals(new DeliveryReceipt("3039", ReceiptState.DELIVERED, "001", true, SUBSCRIBER, SHORT_CODE), parsed);
    }

    @Test
    void parse_tlvsOnly_readsTlvs() {
        Tlvs tlvs = Tlvs.none()
                .with(TlvTag.RECEIPTED_MESSAGE_ID, "ab12\0".getBytes(StandardCharsets.US_ASCII))
                .with(TlvTag.MESSAGE_STATE, new byte[] {5})
                .with(TlvTag.NETWORK_ERROR_CODE, hex("03 0045"));
        assertEquals(new DeliveryReceipt("ab12", ReceiptState.UNDELIVERABLE, "3/69", true, SUBSCRIBER, SHORT_CODE),
                DeliveryReceipts.parse(receipt("", tlvs)).orElseThrow());
    }

    @Test
    void parse_emptyReceiptedIdTlv_fallsBackToText() {
        Tlvs tlvs = Tlvs.none().with(TlvTag.RECEIPTED_MESSAGE_ID, new byte[] {0});
        assertEquals("12345", DeliveryReceipts.parse(receipt(JSMPP_STYLE, tlvs)).orElseThrow().messageId());
    }

    @Test
    void parse_messageStateOfWrongLength_fallsBackToText() {
        Tlvs tlvs = Tlvs.none().with(TlvTag.MESSAGE_STATE, new byte[] {2, 2});
        assertEquals(ReceiptState.EXPIRED,
                DeliveryReceipts.parse(receipt("id:1 stat:EXPIRED", tlvs)).orElseThrow().state());
    }

    @Test
    void parse_intermediateNotification_isNotFinal() {
        MoPdu pdu = mo(0x20, 0x00, "id:1 stat:DELIVRD".getBytes(StandardCharsets.US_ASCII));
        assertFalse(DeliveryReceipts.parse(pdu).orElseThrow().isFinal());
    }

    @Test
    void parse_enrouteReceipt_isNotFinal() {
        assertFalse(DeliveryReceipts.parse(receipt("id:1 stat:ENROUTE")).orElseThrow().isFinal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"id:1 stat:SENT", "id:1 stat:SUBMITD err:000",
            "id:1 sub:001 dlvrd:000 err:000", "id:1 stat:77"})
    void parse_statThatNamesNoState_isNotFinalSoALaterReceiptSettlesTheMessage(String text) {
        DeliveryReceipt r = DeliveryReceipts.parse(receipt(text)).orElseThrow();

        assertFalse(r.isFinal(), r.toString());
        assertEquals(OutboundState.SUBMITTED, ReceiptHandler.state(r));
    }

    @Test
    void parse_messageStateTlvOutsideSmppsStates_isNotReadAndTheTextsStatDecides() {
        Tlvs tlvs = Tlvs.none().with(TlvTag.MESSAGE_STATE, new byte[] {77});

        assertFalse(DeliveryReceipts.parse(receipt("id:1 stat:SENT", tlvs)).orElseThrow().isFinal());
        assertEquals(ReceiptState.DELIVERED,
                DeliveryReceipts.parse(receipt("id:1 stat:DELIVRD", tlvs)).orElseThrow().state());
    }

    @Test
    void parse_explicitUnknownStat_isFinal() {
        DeliveryReceipt r = DeliveryReceipts.parse(receipt("id:1 stat:UNKNOWN")).orElseThrow();

        assertTrue(r.isFinal());
        assertEquals(ReceiptState.UNKNOWN, r.state());
        assertTrue(DeliveryReceipts.parse(receipt("id:1 stat:7")).orElseThrow().isFinal(), "message_state 7");
    }

    @Test
    void parse_ucs2ReceiptText_decodesUtf16() {
        MoPdu pdu = mo(0x04, 0x08, "id:9 stat:DELIVRD".getBytes(StandardCharsets.UTF_16BE));
        assertEquals(ReceiptState.DELIVERED, DeliveryReceipts.parse(pdu).orElseThrow().state());
    }

    @Test
    void parse_textInMessagePayload_readsPayload() {
        Tlvs tlvs = Tlvs.none().with(TlvTag.MESSAGE_PAYLOAD, JSMPP_STYLE.getBytes(StandardCharsets.US_ASCII));
        assertEquals("12345", DeliveryReceipts.parse(receipt("", tlvs)).orElseThrow().messageId());
    }

    @Test
    void parse_noIdAnywhere_isEmpty() {
        assertEquals(Optional.empty(), DeliveryReceipts.parse(receipt("sub:001 stat:DELIVRD")));
    }

    @Test
    void fields_standardText_splitsEveryKey() {
        assertEquals(Map.of("id", "12345", "sub", "001", "dlvrd", "001", "submit date", "0610191018",
                "done date", "0610191018", "stat", "DELIVRD", "err", "000", "text", "LD 0912345678 lua dao"),
                DeliveryReceipts.fields(JSMPP_STYLE));
    }

    @Test
    void fields_noKeys_isEmpty() {
        assertTrue(DeliveryReceipts.fields("hello world").isEmpty());
    }
}
