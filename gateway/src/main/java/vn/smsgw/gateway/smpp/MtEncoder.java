package vn.smsgw.gateway.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.smsgw.parser.text.GsmAlphabet;
import vn.smsgw.parser.text.SmsEncoding;
import vn.smsgw.parser.text.SmsSegmenter;

/** Encodes an MT text as submit_sm parts. Stateless and thread-safe. */
public final class MtEncoder {

    /*
     * GSM 7-bit goes out unpacked with data_coding 0x00 (the SMSC packs it for the air interface), UCS-2 as UTF-16BE
     * with 0x08. A text longer than one SMS is split by SmsSegmenter (153 septets / 67 units a part, never splitting
     * an escape sequence or a surrogate pair) and each part gets the 8-bit reference UDH 05 00 03 ref total seq with
     * UDHI set in esm_class. The reference comes from the caller (a counter per SMSC link), since the parts of one
     * message share it and messages to the same subscriber must not. registered_delivery is set when submitting.
     */

    static final byte DCS_GSM7 = 0x00;
    static final byte DCS_UCS2 = 0x08;
    static final byte ESM_DEFAULT = 0x00;
    static final byte ESM_UDHI = EsmMessageType.UDHI;
    private static final int MAX_PARTS = 255;

    private MtEncoder() {
    }

    /**
     * The submit_sm parts of the message; {@code ref} is used (modulo 256) only when there is more than one part.
     */
    public static MtEncoded encode(MtMessage message, int ref) {
        String text = message.text();
        SmsEncoding encoding;
        switch (message.mode()) {
            case UCS2 -> encoding = SmsEncoding.UCS2;
            case GSM7 -> {
                if (!GsmAlphabet.canEncode(text)) {
                    return new MtEncoded.Refused("text has characters outside the GSM 03.38 alphabet");
                }
                encoding = SmsEncoding.GSM7;
            }
            default -> encoding = GsmAlphabet.canEncode(text) ? SmsEncoding.GSM7 : SmsEncoding.UCS2;
        }
        List<String> texts = SmsSegmenter.split(text, encoding);
        if (texts.size() > MAX_PARTS) {
            return new MtEncoded.Refused("text needs " + texts.size() + " parts; at most " + MAX_PARTS);
        }
        return new MtEncoded.Parts(encoding, parts(message, encoding, texts, ref & 0xFF));
    }

    private static List<MtPart> parts(MtMessage message, SmsEncoding encoding, List<String> texts, int ref) {
        byte dataCoding = encoding == SmsEncoding.GSM7 ? DCS_GSM7 : DCS_UCS2;
        int total = texts.size();
        String validity = message.validUntil() == 0 ? "" : ValidityPeriod.absolute(message.validUntil());
        List<MtPart> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] body = encoding == SmsEncoding.GSM7
                    ? GsmAlphabet.encode(texts.get(i))
                    : texts.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] shortMessage = total == 1 ? body : withUdh(body, ref, total, i + 1);
            parts.add(new MtPart(dataCoding, total == 1 ? ESM_DEFAULT : ESM_UDHI, shortMessage,
                    message.source(), message.destination(), i + 1, total, validity));
        }
        return parts;
    }

    private static byte[] withUdh(byte[] body, int ref, int total, int seq) {
        byte[] message = new byte[6 + body.length];
        message[0] = 0x05;
        message[1] = 0x00;
        message[2] = 0x03;
        message[3] = (byte) ref;
        message[4] = (byte) total;
        message[5] = (byte) seq;
        System.arraycopy(body, 0, message, 6, body.length);
        return message;
    }
}
