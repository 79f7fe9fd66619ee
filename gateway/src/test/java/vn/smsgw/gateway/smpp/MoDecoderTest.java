package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smsgw.gateway.smpp.Pdus.concat;
import static vn.smsgw.gateway.smpp.Pdus.hex;
import static vn.smsgw.gateway.smpp.Pdus.mo;
import static vn.smsgw.gateway.smpp.Pdus.ucs2;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.smsgw.dispatch.intake.ConcatKey;
import vn.smsgw.dispatch.intake.ConcatScheme;
import vn.smsgw.dispatch.intake.PartContent;
import vn.smsgw.parser.text.GsmAlphabet;
import vn.smsgw.parser.text.TextCoding;

class MoDecoderTest {

    private final MoDecoder gsm = new MoDecoder(DefaultAlphabet.GSM7);

    private static final byte[] GSM_HI_AT = hex("48 69 00"); // "Hi@" in unpacked GSM 03.38

    // --- data_coding ---

    @Test
    void decode_smscDefaultGsmNotesExample_isInfoEteEuroAt() {
        assertEquals(whole("INFO été € @"), gsm.decode(mo(0, 0x00, hex("494e464f20057405201b652000"))));
    }

    @Test
    void decode_gsmWithNulOctets_keepsEveryAt() {
        assertEquals(whole("@@A@"), gsm.decode(mo(0, 0x00, hex("00 00 41 00"))));
    }

    @Test
    void decode_gsmExtensionChars_decodesEscapes() {
        byte[] escapes = hex("1b3c 1b3e 1b28 1b29 1b2f 1b14 1b40 1b3d 1b65");
        assertEquals(whole("[]{}\\^|~€"), gsm.decode(mo(0, 0x00, escapes)));
    }

    @Test
    void decode_smscDefaultConfiguredLatin1_decodesLatin1() {
        MoDecoder latin1 = new MoDecoder(DefaultAlphabet.LATIN1);
        byte[] bytes = "café £5 @".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(whole("café £5 @"), latin1.decode(mo(0, 0x00, bytes)));
    }

    @Test
    void decode_smscDefaultConfiguredAscii_highOctetIsReplacementChar() {
        MoDecoder ascii = new MoDecoder(DefaultAlphabet.ASCII);
        assertEquals(whole("S 1\uFFFD"), ascii.decode(mo(0, 0x00, hex("53 20 31 e9"))));
    }

    @Test
    void decode_ia5Ascii_decodesAscii() {
        assertEquals(whole("LD 0987654321"), gsm.decode(mo(0, 0x01, "LD 0987654321".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void decode_latin1_decodesLatin1EvenOnGsmLink() {
        assertEquals(whole("été"), gsm.decode(mo(0, 0x03, "été".getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void decode_ucs2Vietnamese_keepsDiacritics() {
        String text = "LD 0987654321 lừa đảo";
        assertEquals(whole(text), gsm.decode(mo(0, 0x08, ucs2(text))));
    }

    @Test
    void decode_ucs2Emoji_keepsSurrogatePair() {
        assertEquals(whole("S 😀 x"), gsm.decode(mo(0, 0x08, hex("0053 0020 d83d de00 0020 0078"))));
    }

    @Test
    void decode_ucs2OddLength_replacesTrailingOctet() {
        assertEquals(whole("AB\uFFFD"), gsm.decode(mo(0, 0x08, hex("0041 0042 00"))));
    }

    @Test
    void decode_ucs2LoneSurrogate_isReplacementChar() {
        assertEquals(whole("\uFFFDA"), gsm.decode(mo(0, 0x08, hex("d83d 0041"))));
    }

    @Test
    void decode_ucs2LoneLowSurrogateAtEnd_isReplacementChar() {
        assertEquals(whole("A\uFFFD"), gsm.decode(mo(0, 0x08, hex("0041 de00"))));
    }

    @ParameterizedTest(name = "data_coding 0x{0}")
    @ValueSource(strings = {"10", "11", "13", "40", "C0", "C8", "D0", "F0", "F1", "F2", "F3"})
    void decode_gsmGroupCoding_decodesGsm(String dataCoding) {
        assertEquals(whole("Hi@"), gsm.decode(mo(0, Integer.parseInt(dataCoding, 16), GSM_HI_AT)));
    }

    @ParameterizedTest(name = "data_coding 0x{0}")
    @ValueSource(strings = {"18", "19", "48", "E0", "E8"})
    void decode_ucs2GroupCoding_decodesUcs2(String dataCoding) {
        assertEquals(whole("lừa"), gsm.decode(mo(0, Integer.parseInt(dataCoding, 16), ucs2("lừa"))));
    }

    @ParameterizedTest(name = "data_coding 0x{0}")
    @ValueSource(strings = {"02", "04", "05", "06", "09", "0E", "14", "1C", "20", "80", "F4", "F5", "F7"})
    void decode_binaryOrUnsupportedCoding_isHex(String dataCoding) {
        int octet = Integer.parseInt(dataCoding, 16);
        assertEquals(new DecodedMo.Binary((byte) octet, "0001ff7f", 1, 1), gsm.decode(mo(0, octet, hex("0001ff7f"))));
    }

    @Test
    void decode_emptyShortMessage_isEmptyWhole() {
        assertEquals(whole(""), gsm.decode(mo(0, 0x00, new byte[0])));
    }

    @Test
    void decode_emptyUcs2_isEmptyWhole() {
        assertEquals(whole(""), gsm.decode(mo(0, 0x08, new byte[0])));
    }

    @Test
    void decode_messagePayloadWithEmptyShortMessage_decodesPayload() {
        Tlvs tlvs = Tlvs.none().with(TlvTag.MESSAGE_PAYLOAD, ucs2("LD 0912345678 giả danh công an"));
        assertEquals(whole("LD 0912345678 giả danh công an"), gsm.decode(mo(0, 0x08, new byte[0], tlvs)));
    }

    @Test
    void decode_shortMessageAndPayload_prefersShortMessage() {
        Tlvs tlvs = Tlvs.none().with(TlvTag.MESSAGE_PAYLOAD, hex("41"));
        assertEquals(whole("B"), gsm.decode(mo(0, 0x00, hex("42"), tlvs)));
    }

    @Test
    void decode_payloadWithUdh_readsConcatenationFromPayload() {
        Tlvs tlvs = Tlvs.none().with(TlvTag.MESSAGE_PAYLOAD, hex("050003 09 02 01 616263"));
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 9, 2, 1, "abc"), gsm.decode(mo(0x40, 0x00, new byte[0], tlvs)));
    }

    // --- UDH ---

    @Test
    void decode_udh8BitRef_isPart() {
        MoPdu pdu = mo(0x40, 0x00, hex("050003 2a 03 02 616263"));
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 42, 3, 2, "abc"), gsm.decode(pdu));
    }

    @Test
    void decode_udh16BitRef_isPart() {
        MoPdu pdu = mo(0x40, 0x08, concat(hex("060804 1234 02 01"), ucs2("lừa đảo")));
        assertEquals(part(ConcatScheme.UDH_16BIT_REF, 0x1234, 2, 1, TextCoding.UCS2, ucs2("lừa đảo")), gsm.decode(pdu));
    }

    @Test
    void decode_ucs2PartEndingInsideACharacter_keepsItsOctetsForJoining() {
        MoPdu pdu = mo(0x40, 0x08, hex("050003 2a 02 01 0041 d83d de"));
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 42, 2, 1, TextCoding.UCS2, hex("0041 d83d de")), gsm.decode(pdu));
    }

    @Test
    void decode_gsmPartEndingInAnEscape_keepsTheEscapeForJoining() {
        MoPdu pdu = mo(0x40, 0x00, hex("050003 2a 02 01 41 1b"));
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 42, 2, 1, TextCoding.GSM7, hex("41 1b")), gsm.decode(pdu));
    }

    @ParameterizedTest(name = "SMSC default {0}")
    @CsvSource({"GSM7, GSM7", "LATIN1, LATIN1", "ASCII, ASCII"})
    void decode_smscDefaultPart_isInTheCodingConfiguredForTheLink(DefaultAlphabet alphabet, TextCoding coding) {
        MoPdu pdu = mo(0x40, 0x00, hex("050003 2a 02 01 e9 40"));
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 42, 2, 1, coding, hex("e9 40")),
                new MoDecoder(alphabet).decode(pdu));
    }

    @ParameterizedTest(name = "data_coding 0x{0}")
    @CsvSource({"01, ASCII", "03, LATIN1", "08, UCS2", "18, UCS2", "F0, GSM7", "11, GSM7"})
    void decode_textPart_isInTheCodingOfItsDataCoding(String dataCoding, TextCoding coding) {
        MoPdu pdu = mo(0x40, Integer.parseInt(dataCoding, 16), hex("050003 2a 02 01 0041"));
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 42, 2, 1, coding, hex("0041")), gsm.decode(pdu));
    }

    @Test
    void decode_udhOtherElementBeforeConcat_skipsIt() {
        MoPdu pdu = mo(0x40, 0x00, hex("0b 0504 0b84 23f0 0003 07 02 01 4869"));
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 7, 2, 1, "Hi"), gsm.decode(pdu));
    }

    @Test
    void decode_udhConcatElementTwice_lastWins() {
        MoPdu pdu = mo(0x40, 0x00, hex("0a 0003 01 02 01 0003 05 03 03 4869"));
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 5, 3, 3, "Hi"), gsm.decode(pdu));
    }

    @Test
    void decode_udhWithoutConcatElement_isWholeAfterUdh() {
        assertEquals(whole("hi"), gsm.decode(mo(0x40, 0x00, hex("03 24 01 00 6869"))));
    }

    @Test
    void decode_udhOnlyEmptyHeader_isWholeAfterLengthOctet() {
        assertEquals(whole("hi"), gsm.decode(mo(0x40, 0x00, hex("00 6869"))));
    }

    @Test
    void decode_udhiWithUserDataStartingLikeText_stripsHeaderByLength() {
        // UDHL 0x05 followed by a concat IE: the sixth octet on is text, '@' (0x00) included
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 1, 2, 2, "@@"), gsm.decode(mo(0x40, 0x00, hex("050003 01 02 02 0000"))));
    }

    @ParameterizedTest(name = "seq {0} of {1}")
    @CsvSource({"0, 3", "4, 3", "1, 0"})
    void decode_udhConcatSeqOutOfRange_ignoresElementAsWhole(int seq, int total) {
        byte[] header = {0x05, 0x00, 0x03, 0x11, (byte) total, (byte) seq};
        assertEquals(whole("Hi"), gsm.decode(mo(0x40, 0x00, concat(header, hex("4869")))));
    }

    @Test
    void decode_udhConcatOfOnePart_isWhole() {
        assertEquals(whole("Hi"), gsm.decode(mo(0x40, 0x00, hex("050003 11 01 01 4869"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "header longer than the data, 05 00 03 01",
        "truncated element header, 01 00",
        "element runs past the header, 04 00 05 01 02 03",
        "8-bit concat of wrong length, 04 00 02 01 02",
        "16-bit concat of wrong length, 05 08 03 01 02 01",
        "udhi without data, ''"
    })
    void decode_malformedUdh_isMalformedWithInvalidLength(String description, String bytes) {
        DecodedMo decoded = gsm.decode(mo(0x40, 0x00, hex(bytes)));
        DecodedMo.Malformed malformed = assertInstanceOf(DecodedMo.Malformed.class, decoded, description);
        assertEquals(CommandStatus.ESME_RINVMSGLEN, malformed.commandStatus());
    }

    // --- SAR ---

    @Test
    void decode_sarTlvs_isPart() {
        assertEquals(part(ConcatScheme.SAR, 0x0102, 3, 2, "abc"), gsm.decode(mo(0, 0x00, hex("616263"), sar("0102", 3, 2))));
    }

    @Test
    void decode_sarIncomplete_isWhole() {
        Tlvs tlvs = Tlvs.none().with(TlvTag.SAR_MSG_REF_NUM, hex("0102")).with(TlvTag.SAR_TOTAL_SEGMENTS, hex("03"));
        assertEquals(whole("abc"), gsm.decode(mo(0, 0x00, hex("616263"), tlvs)));
    }

    @Test
    void decode_sarSeqAboveTotal_isWhole() {
        assertEquals(whole("abc"), gsm.decode(mo(0, 0x00, hex("616263"), sar("0102", 2, 3))));
    }

    @Test
    void decode_sarRefOfWrongLength_isMalformedTlvLength() {
        Tlvs tlvs = sar("0102", 3, 2).with(TlvTag.SAR_MSG_REF_NUM, hex("01"));
        DecodedMo decoded = gsm.decode(mo(0, 0x00, hex("616263"), tlvs));
        assertEquals(CommandStatus.ESME_RINVTLVLEN, assertInstanceOf(DecodedMo.Malformed.class, decoded).status());
    }

    @Test
    void decode_udhConcatAndSar_udhWins() {
        MoPdu pdu = mo(0x40, 0x00, hex("050003 2a 03 02 616263"), sar("0102", 5, 5));
        assertEquals(part(ConcatScheme.UDH_8BIT_REF, 42, 3, 2, "abc"), gsm.decode(pdu));
    }

    @Test
    void decode_udhWithoutConcatAndSar_sarApplies() {
        MoPdu pdu = mo(0x40, 0x00, hex("03 24 01 00 616263"), sar("0007", 2, 2));
        assertEquals(part(ConcatScheme.SAR, 7, 2, 2, "abc"), gsm.decode(pdu));
    }

    @Test
    void decode_binaryConcatPart_isBinaryWithPartNumbers() {
        DecodedMo decoded = gsm.decode(mo(0x40, 0xF5, hex("050003 2a 03 02 ff00")));
        assertEquals(new DecodedMo.Binary((byte) 0xF5, "0500032a0302ff00", 2, 3), decoded);
    }

    // --- esm_class message types ---

    @Test
    void decode_deliveryReceiptEsmClass_isReceiptNotText() {
        MoPdu pdu = Pdus.receipt("id:42 sub:001 dlvrd:001 submit date:2401011200 done date:2401011201 stat:DELIVRD"
                + " err:000 text:LD 0912345678");
        DecodedMo.Receipt receipt = assertInstanceOf(DecodedMo.Receipt.class, gsm.decode(pdu));
        assertEquals(new DeliveryReceipt("42", ReceiptState.DELIVERED, "000", true, "84912345678", "5656"),
                receipt.receipt());
    }

    @Test
    void decode_receiptWithUdhiAndOtherBits_isStillReceipt() {
        MoPdu pdu = mo(0x44 | 0x03, 0x00, "id:42 stat:DELIVRD".getBytes(StandardCharsets.US_ASCII));
        assertInstanceOf(DecodedMo.Receipt.class, gsm.decode(pdu));
    }

    @Test
    void decode_intermediateNotification_isReceiptNotFinal() {
        MoPdu pdu = mo(0x20, 0x00, "id:42 stat:ENROUTE".getBytes(StandardCharsets.US_ASCII));
        DecodedMo.Receipt receipt = assertInstanceOf(DecodedMo.Receipt.class, gsm.decode(pdu));
        assertFalse(receipt.receipt().isFinal());
    }

    @Test
    void decode_receiptWithoutId_isMalformedPermanent() {
        DecodedMo decoded = gsm.decode(Pdus.receipt("stat:DELIVRD err:000"));
        assertEquals(CommandStatus.ESME_RX_P_APPN, assertInstanceOf(DecodedMo.Malformed.class, decoded).status());
    }

    @ParameterizedTest(name = "esm_class 0x{0}")
    @ValueSource(strings = {"08", "10", "18", "0C", "3C"})
    void decode_otherMessageType_isRefusedAsInvalidEsmClass(String esmClass) {
        DecodedMo decoded = gsm.decode(mo(Integer.parseInt(esmClass, 16), 0x00, hex("4869")));
        assertEquals(CommandStatus.ESME_RINVESMCLASS, assertInstanceOf(DecodedMo.Malformed.class, decoded).status());
        assertEquals(0x43, decoded.commandStatus().code());
    }

    @Test
    void decode_replyPathAndClassBits_isStillText() {
        assertEquals(whole("Hi"), gsm.decode(mo(0x80 | 0x03, 0x00, hex("4869"))));
    }

    // --- robustness ---

    @Test
    void decode_randomBytes_neverThrowsAndTakesItsContentFromTheUserData() {
        Random random = new Random(156);
        for (int i = 0; i < 20_000; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            if (data.length > 0 && random.nextBoolean()) {
                data[0] = (byte) random.nextInt(Math.max(1, data.length + 2));
            }
            Tlvs tlvs = random.nextInt(4) == 0 ? sar(String.format("%04x", random.nextInt(0x10000)),
                    random.nextInt(4), random.nextInt(4)) : Tlvs.none();
            int esmClass = random.nextInt(256);
            MoPdu pdu = mo(esmClass, random.nextInt(256), data, tlvs);
            DecodedMo decoded = gsm.decode(pdu);
            if (decoded instanceof DecodedMo.Whole whole) {
                assertTrue(whole.text().length() <= data.length, "at most a char per octet: " + pdu);
            } else if (decoded instanceof DecodedMo.Part part) {
                byte[] octets = part.content().octets();
                assertArrayEquals(Arrays.copyOfRange(data, data.length - octets.length, data.length), octets,
                        "a part's octets are the user data after its header: " + pdu);
            } else if (decoded instanceof DecodedMo.Binary binary) {
                assertEquals(HexFormat.of().formatHex(data), binary.hex(), "binary keeps all the user data: " + pdu);
            } else if (decoded instanceof DecodedMo.Receipt) {
                assertTrue(EsmMessageType.fromEsmClass((byte) esmClass).isReceipt(), "a receipt by esm_class: " + pdu);
            } else {
                assertInstanceOf(DecodedMo.Malformed.class, decoded);
            }
        }
    }

    private static DecodedMo whole(String text) {
        return new DecodedMo.Whole(text);
    }

    /** A part whose octets are {@code text} in GSM 03.38. */
    private static DecodedMo part(ConcatScheme scheme, int ref, int total, int seq, String text) {
        return part(scheme, ref, total, seq, TextCoding.GSM7, GsmAlphabet.encode(text));
    }

    private static DecodedMo part(ConcatScheme scheme, int ref, int total, int seq, TextCoding coding, byte[] octets) {
        return new DecodedMo.Part(new ConcatKey(scheme, ref, total), seq, new PartContent.Text(coding, octets));
    }

    private static Tlvs sar(String refHex, int total, int seq) {
        return Tlvs.none()
                .with(TlvTag.SAR_MSG_REF_NUM, hex(refHex))
                .with(TlvTag.SAR_TOTAL_SEGMENTS, new byte[] {(byte) total})
                .with(TlvTag.SAR_SEGMENT_SEQNUM, new byte[] {(byte) seq});
    }
}
