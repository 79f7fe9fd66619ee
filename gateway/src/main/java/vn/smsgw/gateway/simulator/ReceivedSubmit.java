package vn.smsgw.gateway.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import vn.smsgw.parser.number.Msisdn;

/**
 * A submit_sm as the simulator received it, and how it answered.
 *
 * @param number             the submit_sm's number across all sessions, from 1
 * @param systemId           system_id of the session it came on
 * @param sourceAddr         source_addr
 * @param destinationAddr    destination_addr
 * @param dataCoding         data_coding
 * @param esmClass           esm_class
 * @param registeredDelivery registered_delivery
 * @param validityPeriod     validity_period as sent, empty when none
 * @param shortMessage       short_message octets (copied on the way in and out)
 * @param tlvs               optional parameters: tag to value octets
 * @param commandStatus      command_status answered, or -1 when the response was left out
 * @param messageId          message id answered (hex), empty when the status was not ESME_ROK
 */
public record ReceivedSubmit(
        long number,
        String systemId,
        String sourceAddr,
        String destinationAddr,
        byte dataCoding,
        byte esmClass,
        byte registeredDelivery,
        String validityPeriod,
        byte[] shortMessage,
        Map<Short, byte[]> tlvs,
        int commandStatus,
        String messageId) {

    /** Copies the octets and the map. */
    public ReceivedSubmit {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(sourceAddr, "sourceAddr");
        Objects.requireNonNull(destinationAddr, "destinationAddr");
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        Objects.requireNonNull(messageId, "messageId");
        shortMessage = shortMessage.clone();
        Map<Short, byte[]> copy = new HashMap<>();
        tlvs.forEach((tag, value) -> copy.put(tag, value.clone()));
        tlvs = Map.copyOf(copy);
    }

    /** A copy of the short_message octets. */
    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    /** The text: UDH stripped, GSM 03.38 for data_coding 0, UCS-2 for 8, Latin-1 otherwise. */
    public String text() {
        return SmsText.decode(dataCoding, esmClass, shortMessage);
    }

    /** Masks the destination, which is a subscriber number. */
    @Override
    public String toString() {
        return "ReceivedSubmit[number=" + number + ", systemId=" + systemId + ", source=" + sourceAddr
                + ", destination=" + Msisdn.mask(destinationAddr) + ", dataCoding=" + dataCoding
                + ", commandStatus=" + commandStatus + ", messageId=" + messageId + "]";
    }
}
