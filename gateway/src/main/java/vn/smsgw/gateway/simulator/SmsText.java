package vn.smsgw.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import vn.smsgw.parser.text.GsmAlphabet;

/** Reads the text of a short_message for display: UDH stripped, decoded by data_coding. */
final class SmsText {

    private SmsText() {
    }

    /** GSM 03.38 for 0x00, UTF-16BE for 0x08, Latin-1 otherwise; the UDH skipped when esm_class has UDHI. */
    static String decode(byte dataCoding, byte esmClass, byte[] shortMessage) {
        byte[] body = shortMessage;
        if ((esmClass & MoEncoder.ESM_UDHI) != 0 && body.length > 0) {
            int udhLength = (body[0] & 0xFF) + 1;
            body = Arrays.copyOfRange(body, Math.min(udhLength, body.length), body.length);
        }
        return switch (dataCoding) {
            case MoEncoder.DCS_GSM -> GsmAlphabet.decode(body);
            case MoEncoder.DCS_UCS2 -> new String(body, StandardCharsets.UTF_16BE);
            default -> new String(body, StandardCharsets.ISO_8859_1);
        };
    }
}
