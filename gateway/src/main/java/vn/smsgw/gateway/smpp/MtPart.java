package vn.smsgw.gateway.smpp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The fields of one submit_sm that carry an MT part.
 *
 * @param dataCoding   data_coding octet: 0x00 (GSM 7-bit, unpacked) or 0x08 (UCS-2)
 * @param esmClass     esm_class octet: 0x40 (UDHI) for a part of a concatenated message, else 0x00
 * @param shortMessage short_message octets, UDH included; at most 254; copied in and out
 * @param seq          part number, 1 to total
 * @param total        number of parts, 1-255
 * @param validityPeriod validity_period: an SMPP absolute time (16 characters, {@link ValidityPeriod}), or "" for the
 *                     SMSC's default
 */
public record MtPart(byte dataCoding, byte esmClass, byte[] shortMessage, SmppAddress source,
        SmppAddress destination, int seq, int total, String validityPeriod) {

    static final int MAX_SHORT_MESSAGE = 254;

    /** Copies the message and checks the lengths and part numbers. */
    public MtPart {
        shortMessage = Objects.requireNonNull(shortMessage, "shortMessage").clone();
        if (shortMessage.length > MAX_SHORT_MESSAGE) {
            throw new IllegalArgumentException("short_message of " + shortMessage.length + " octets");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (total < 1 || total > 255 || seq < 1 || seq > total) {
            throw new IllegalArgumentException("part " + seq + " of " + total);
        }
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        if (!validityPeriod.isEmpty() && validityPeriod.length() != ValidityPeriod.LENGTH) {
            throw new IllegalArgumentException("validity_period of " + validityPeriod.length() + " characters");
        }
    }

    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MtPart that
                && dataCoding == that.dataCoding
                && esmClass == that.esmClass
                && Arrays.equals(shortMessage, that.shortMessage)
                && source.equals(that.source)
                && destination.equals(that.destination)
                && seq == that.seq
                && total == that.total
                && validityPeriod.equals(that.validityPeriod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataCoding, esmClass, Arrays.hashCode(shortMessage), source, destination, seq, total,
                validityPeriod);
    }

    @Override
    public String toString() {
        return String.format("MtPart[%d/%d, dataCoding=0x%02X, esmClass=0x%02X, source=%s, destination=%s, "
                + "validity=%s, %s]", seq, total, dataCoding, esmClass, source, destination,
                validityPeriod.isEmpty() ? "default" : validityPeriod, HexFormat.of().formatHex(shortMessage));
    }
}
