package vn.smsgw.gateway.smpp;

import java.util.Arrays;
import java.util.Objects;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import vn.smsgw.parser.number.Msisdn;

/**
 * The fields of a deliver_sm that decoding needs, as plain values. {@link #toString()} masks the source address.
 *
 * @param source       source_addr as received (the subscriber, or the recipient for a receipt); "" if absent
 * @param destination  destination_addr as received (the short code); "" if absent
 * @param esmClass     esm_class octet
 * @param dataCoding   data_coding octet
 * @param shortMessage short_message octets (may contain NUL); empty if absent; copied in and out
 * @param tlvs         optional parameters
 */
public record MoPdu(String source, String destination, byte esmClass, byte dataCoding, byte[] shortMessage,
        Tlvs tlvs) {

    /** Copies the message and checks for nulls. */
    public MoPdu {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        shortMessage = Objects.requireNonNull(shortMessage, "shortMessage").clone();
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** The decoding-relevant fields of a jsmpp deliver_sm; every optional parameter is kept as its raw value. */
    public static MoPdu of(DeliverSm deliverSm) {
        OptionalParameter[] parameters = Objects.requireNonNullElse(deliverSm.getOptionalParameters(),
                new OptionalParameter[0]);
        int[] tags = new int[parameters.length];
        byte[][] values = new byte[parameters.length][];
        for (int i = 0; i < parameters.length; i++) {
            byte[] tlv = parameters[i].serialize();
            tags[i] = (tlv[0] & 0xFF) << 8 | tlv[1] & 0xFF;
            values[i] = Arrays.copyOfRange(tlv, 4, tlv.length);
        }
        Tlvs tlvs = Tlvs.of(tags, values);
        byte[] message = deliverSm.getShortMessage();
        return new MoPdu(Objects.requireNonNullElse(deliverSm.getSourceAddr(), ""),
                Objects.requireNonNullElse(deliverSm.getDestAddress(), ""),
                deliverSm.getEsmClass(), deliverSm.getDataCoding(),
                message == null ? new byte[0] : message, tlvs);
    }

    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    /** The message octets without a copy, for decoding inside this package. */
    byte[] shortMessageView() {
        return shortMessage;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MoPdu that
                && source.equals(that.source)
                && destination.equals(that.destination)
                && esmClass == that.esmClass
                && dataCoding == that.dataCoding
                && Arrays.equals(shortMessage, that.shortMessage)
                && tlvs.equals(that.tlvs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, destination, esmClass, dataCoding, Arrays.hashCode(shortMessage), tlvs);
    }

    @Override
    public String toString() {
        return String.format("MoPdu[source=%s, destination=%s, esmClass=0x%02X, dataCoding=0x%02X, octets=%d, %s]",
                Msisdn.mask(source), destination, esmClass, dataCoding, shortMessage.length, tlvs);
    }
}
