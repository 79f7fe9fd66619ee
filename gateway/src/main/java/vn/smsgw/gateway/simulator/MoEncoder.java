package vn.smsgw.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import vn.smsgw.parser.text.GsmAlphabet;
import vn.smsgw.parser.text.SmsEncoding;
import vn.smsgw.parser.text.SmsLength;
import vn.smsgw.parser.text.SmsSegmenter;

/**
 * Turns an MO into the deliver_sm a handset's SMSC would send: GSM 03.38 unpacked (data_coding 0) when every char
 * is in the alphabet, else UCS-2 (0x08); split into parts of 153 septets / 67 units with a UDH or SAR TLVs when it
 * does not fit one SMS. Thread-safe; concatenation references cycle through 0..255 (UDH) or 0..65535 (SAR).
 */
final class MoEncoder {

    static final byte DCS_GSM = 0x00;
    static final byte DCS_UCS2 = 0x08;
    static final byte ESM_UDHI = 0x40;

    private final Concatenation concatenation;
    private final AtomicInteger reference = new AtomicInteger();

    MoEncoder(Concatenation concatenation) {
        this.concatenation = concatenation;
    }

    /** The deliver_sm of this MO, parts in order; never empty. */
    List<DeliverSmPdu> encode(MoMessage message) {
        SmsEncoding encoding = SmsLength.of(message.text()).encoding();
        List<String> parts = SmsSegmenter.split(message.text(), encoding);
        byte dcs = encoding == SmsEncoding.GSM7 ? DCS_GSM : DCS_UCS2;
        DeliverSmPdu.Address source = DeliverSmPdu.Address.international(message.reporter());
        DeliverSmPdu.Address destination = DeliverSmPdu.Address.shortCode(message.shortCode());
        if (parts.size() == 1) {
            return List.of(new DeliverSmPdu(source, destination, (byte) 0, dcs, bytes(parts.get(0), encoding),
                    new OptionalParameter[0]));
        }
        int ref = reference.getAndIncrement();
        int total = parts.size();
        List<DeliverSmPdu> pdus = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] text = bytes(parts.get(i), encoding);
            int seq = i + 1;
            pdus.add(concatenation == Concatenation.UDH
                    ? new DeliverSmPdu(source, destination, ESM_UDHI, dcs, withUdh(ref & 0xFF, total, seq, text),
                            new OptionalParameter[0])
                    : new DeliverSmPdu(source, destination, (byte) 0, dcs, text, new OptionalParameter[] {
                        OptionalParameters.newSarMsgRefNum(ref & 0xFFFF),
                        OptionalParameters.newSarTotalSegments(total),
                        OptionalParameters.newSarSegmentSeqnum(seq)
                    }));
        }
        return pdus;
    }

    private static byte[] bytes(String text, SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM7 ? GsmAlphabet.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
    }

    private static byte[] withUdh(int ref, int total, int seq, byte[] text) {
        byte[] message = new byte[6 + text.length];
        message[0] = 0x05;
        message[1] = 0x00;
        message[2] = 0x03;
        message[3] = (byte) ref;
        message[4] = (byte) total;
        message[5] = (byte) seq;
        System.arraycopy(text, 0, message, 6, text.length);
        return message;
    }
}
