package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smsgw.gateway.smpp.Pdus.hex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.smsgw.dispatch.intake.ConcatKey;
import vn.smsgw.dispatch.intake.ConcatScheme;
import vn.smsgw.parser.text.SmsEncoding;
import vn.smsgw.parser.text.TextCoding;

class MtEncoderTest {

    private static final SmppAddress SHORT_CODE = SmppAddress.source("156", ShortCodeAddressing.UNKNOWN);
    private static final SmppAddress SUBSCRIBER = SmppAddress.international("84912345678");

    @Test
    void encode_160GsmChars_isOnePartWithoutUdh() {
        List<MtPart> parts = parts("a".repeat(160), MtMode.AUTO);

        assertEquals(1, parts.size());
        MtPart part = parts.get(0);
        assertEquals(0x00, part.dataCoding());
        assertEquals(0x00, part.esmClass());
        assertArrayEquals("a".repeat(160).getBytes(StandardCharsets.US_ASCII), part.shortMessage());
        assertEquals(1, part.seq());
        assertEquals(1, part.total());
    }

    @Test
    void encode_validUntil_everyPartCarriesItAsValidityPeriodAndNoneWithout() {
        long at = Instant.parse("2026-12-31T23:59:59Z").toEpochMilli();
        MtEncoded encoded = MtEncoder.encode(
                new MtMessage("a".repeat(161), SHORT_CODE, SUBSCRIBER, MtMode.AUTO, at), 1);

        List<MtPart> parts = assertInstanceOf(MtEncoded.Parts.class, encoded).parts();
        assertEquals(2, parts.size());
        assertEquals("261231235959000+", parts.get(0).validityPeriod());
        assertEquals("261231235959000+", parts.get(1).validityPeriod());
        assertEquals("", parts("a", MtMode.AUTO).get(0).validityPeriod());
    }

    @Test
    void encode_validUntilPast2099_isRefusedAsAnArgument() {
        long at = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MtEncoder.encode(new MtMessage("a", SHORT_CODE, SUBSCRIBER, MtMode.AUTO, at), 1));
        assertTrue(e.getMessage().contains("2100-01-01"), e.getMessage());
    }

    @Test
    void encode_161GsmChars_isTwoPartsWith8BitRefUdh() {
        List<MtPart> parts = parts("a".repeat(161), MtMode.AUTO, 0x2A);

        assertEquals(2, parts.size());
        assertUdh(parts.get(0), 0x2A, 2, 1, 153);
        assertUdh(parts.get(1), 0x2A, 2, 2, 8);
        assertEquals(0x00, parts.get(0).dataCoding());
    }

    @Test
    void encode_70Ucs2Chars_isOnePart() {
        List<MtPart> parts = parts("ừ".repeat(70), MtMode.AUTO);

        assertEquals(1, parts.size());
        assertEquals(0x08, parts.get(0).dataCoding());
        assertEquals(0x00, parts.get(0).esmClass());
        assertEquals(140, parts.get(0).shortMessage().length);
    }

    @Test
    void encode_71Ucs2Chars_isTwoParts() {
        List<MtPart> parts = parts("ừ".repeat(71), MtMode.AUTO, 7);

        assertEquals(2, parts.size());
        assertUdh(parts.get(0), 7, 2, 1, 134);
        assertUdh(parts.get(1), 7, 2, 2, 8);
        assertEquals(0x08, parts.get(1).dataCoding());
    }

    @Test
    void encode_escapeAtPartBoundary_movesEscapeWhole() {
        List<MtPart> parts = parts("a".repeat(152) + "€" + "b".repeat(10), MtMode.AUTO);

        byte[] first = parts.get(0).shortMessage();
        assertEquals(6 + 152, first.length);
        assertTrue(first[first.length - 1] != 0x1B, "first part must not end with ESC");
        byte[] second = parts.get(1).shortMessage();
        assertArrayEquals(hex("1b65"), Arrays.copyOfRange(second, 6, 8));
    }

    @Test
    void encode_surrogatePairAtPartBoundary_movesPairWhole() {
        List<MtPart> parts = parts("ừ".repeat(66) + "😀" + "ừ".repeat(5), MtMode.AUTO);

        byte[] first = parts.get(0).shortMessage();
        assertEquals(6 + 66 * 2, first.length);
        byte[] second = parts.get(1).shortMessage();
        assertArrayEquals(hex("d83d de00"), Arrays.copyOfRange(second, 6, 10));
    }

    @Test
    void encode_forcedUcs2OnGsmText_isUcs2() {
        MtEncoded.Parts encoded = assertInstanceOf(MtEncoded.Parts.class, encode("Canh bao lua dao", MtMode.UCS2, 0));

        assertEquals(SmsEncoding.UCS2, encoded.encoding());
        assertEquals(0x08, encoded.parts().get(0).dataCoding());
        assertArrayEquals("Canh bao lua dao".getBytes(StandardCharsets.UTF_16BE), encoded.parts().get(0).shortMessage());
    }

    @Test
    void encode_forcedGsm7OnVietnamese_isRefused() {
        assertInstanceOf(MtEncoded.Refused.class, encode("Cảnh báo", MtMode.GSM7, 0));
    }

    @Test
    void encode_forcedGsm7OnGsmText_isGsm7() {
        MtEncoded.Parts encoded = assertInstanceOf(MtEncoded.Parts.class, encode("é @ €", MtMode.GSM7, 0));
        assertArrayEquals(hex("05 20 00 20 1b65"), encoded.parts().get(0).shortMessage());
    }

    @Test
    void encode_255Parts_isAccepted() {
        MtEncoded.Parts encoded = assertInstanceOf(MtEncoded.Parts.class, encode("a".repeat(153 * 255), MtMode.AUTO, 1));
        assertEquals(255, encoded.parts().size());
        assertUdh(encoded.parts().get(254), 1, 255, 255, 153);
    }

    @Test
    void encode_256Parts_isRefused() {
        MtEncoded.Refused refused = assertInstanceOf(MtEncoded.Refused.class,
                encode("a".repeat(153 * 255 + 1), MtMode.AUTO, 1));
        assertTrue(refused.reason().contains("256"), refused.reason());
    }

    @Test
    void encode_refAbove255_usesLowOctet() {
        assertUdh(parts("a".repeat(200), MtMode.AUTO, 300).get(0), 300 & 0xFF, 2, 1, 153);
    }

    @Test
    void encode_emptyText_isOneEmptyPart() {
        List<MtPart> parts = parts("", MtMode.AUTO);
        assertEquals(1, parts.size());
        assertEquals(0, parts.get(0).shortMessage().length);
    }

    @Test
    void encode_anyText_carriesAddresses() {
        MtPart part = parts("x", MtMode.AUTO).get(0);
        assertEquals(SHORT_CODE, part.source());
        assertEquals(SUBSCRIBER, part.destination());
    }

    static Stream<String> roundTripTexts() {
        return Stream.of(
                "Canh bao: khong cung cap ma OTP cho bat ky ai. ".repeat(8),
                "{[€]} ^|~ \\ ".repeat(30) + "@ end",
                "Cảnh báo lừa đảo: không chuyển tiền cho người lạ 😀🙏 ".repeat(6),
                "😀".repeat(100),
                "ừ".repeat(67 * 3),
                "short");
    }

    @ParameterizedTest
    @MethodSource("roundTripTexts")
    void encode_thenDecodeAndReassemble_givesOriginalText(String text) {
        MoDecoder decoder = new MoDecoder(DefaultAlphabet.GSM7);
        List<MtPart> parts = parts(text, MtMode.AUTO, 99);

        String decoded;
        if (parts.size() == 1) {
            decoded = assertInstanceOf(DecodedMo.Whole.class, decoder.decode(asMo(parts.get(0)))).text();
        } else {
            // as intake joins them: the parts' octets in part order, decoded once
            ByteArrayOutputStream octets = new ByteArrayOutputStream();
            TextCoding coding = null;
            for (int i = 0; i < parts.size(); i++) {
                DecodedMo.Part part = assertInstanceOf(DecodedMo.Part.class, decoder.decode(asMo(parts.get(i))));
                assertEquals(new ConcatKey(ConcatScheme.UDH_8BIT_REF, 99, parts.size()), part.key());
                assertEquals(i + 1, part.seq());
                coding = part.content().coding();
                octets.writeBytes(part.content().octets());
            }
            decoded = coding.decode(octets.toByteArray());
        }
        assertEquals(text, decoded);
    }

    @Test
    void encode_anyPart_fitsInOneSms() {
        for (String text : roundTripTexts().toList()) {
            for (MtPart part : parts(text, MtMode.AUTO, 1)) {
                int payload = part.shortMessage().length;
                boolean fits = part.dataCoding() == 0x00 ? payload <= 160 : payload <= 140;
                assertTrue(fits, part.toString());
            }
        }
    }

    @Test
    void encode_gsmPart_neverEndsWithEscape() {
        for (MtPart part : parts("a€".repeat(200), MtMode.AUTO, 1)) {
            byte[] bytes = part.shortMessage();
            assertFalse(bytes[bytes.length - 1] == 0x1B);
        }
    }

    private static MoPdu asMo(MtPart part) {
        return new MoPdu(part.destination().address(), part.source().address(), part.esmClass(), part.dataCoding(),
                part.shortMessage(), Tlvs.none());
    }

    private static void assertUdh(MtPart part, int ref, int total, int seq, int bodyOctets) {
        byte[] bytes = part.shortMessage();
        assertArrayEquals(new byte[] {0x05, 0x00, 0x03, (byte) ref, (byte) total, (byte) seq},
                Arrays.copyOf(bytes, 6));
        assertEquals(6 + bodyOctets, bytes.length);
        assertEquals(0x40, part.esmClass());
        assertEquals(seq, part.seq());
        assertEquals(total, part.total());
    }

    private static MtEncoded encode(String text, MtMode mode, int ref) {
        return MtEncoder.encode(new MtMessage(text, SHORT_CODE, SUBSCRIBER, mode), ref);
    }

    private static List<MtPart> parts(String text, MtMode mode) {
        return parts(text, mode, 0);
    }

    private static List<MtPart> parts(String text, MtMode mode, int ref) {
        return assertInstanceOf(MtEncoded.Parts.class, encode(text, mode, ref)).parts();
    }
}
