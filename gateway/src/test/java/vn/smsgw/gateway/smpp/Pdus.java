package vn.smsgw.gateway.smpp;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builders of test PDUs over plain bytes. */
final class Pdus {

    static final String SUBSCRIBER = "84912345678";
    static final String SHORT_CODE = "5656";

    private Pdus() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static byte[] ucs2(String text) {
        return text.getBytes(StandardCharsets.UTF_16BE);
    }

    static byte[] concat(byte[]... arrays) {
        int length = 0;
        for (byte[] array : arrays) {
            length += array.length;
        }
        byte[] result = new byte[length];
        int at = 0;
        for (byte[] array : arrays) {
            System.arraycopy(array, 0, result, at, array.length);
            at += array.length;
        }
        return result;
    }

    static MoPdu mo(int esmClass, int dataCoding, byte[] shortMessage) {
        return mo(esmClass, dataCoding, shortMessage, Tlvs.none());
    }

    static MoPdu mo(int esmClass, int dataCoding, byte[] shortMessage, Tlvs tlvs) {
        return new MoPdu(SUBSCRIBER, SHORT_CODE, (byte) esmClass, (byte) dataCoding, shortMessage, tlvs);
    }

    static MoPdu receipt(String text) {
        return receipt(text, Tlvs.none());
    }

    static MoPdu receipt(String text, Tlvs tlvs) {
        return mo(0x04, 0x00, text.getBytes(StandardCharsets.ISO_8859_1), tlvs);
    }
}
