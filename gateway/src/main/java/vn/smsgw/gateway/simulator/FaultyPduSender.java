package vn.smsgw.gateway.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jsmpp's PDU writer with the two faults that must happen on the wire: a submit_sm_resp that is never written, and
 * a connection closed right after a deliver_sm went out, its input shut before the write so that the response can
 * never be read (a fast ESME could otherwise answer before the close). One per session.
 */
final class FaultyPduSender extends DefaultPDUSender {

    private static final Logger log = LoggerFactory.getLogger(FaultyPduSender.class);

    private final FaultState state;
    private final Socket socket;

    FaultyPduSender(FaultState state, Socket socket) {
        this.state = state;
        this.socket = socket;
    }

    @Override
    public byte[] sendSubmitSmResp(OutputStream os, int sequenceNumber, String messageId,
            OptionalParameter... optionalParameters) throws PDUStringException, IOException {
        if (state.isUnanswered(messageId)) {
            log.debug("Leaving submit_sm {} unanswered (message id {})", sequenceNumber, messageId);
            return new byte[0];
        }
        return super.sendSubmitSmResp(os, sequenceNumber, messageId, optionalParameters);
    }

    @Override
    public byte[] sendDeliverSm(OutputStream os, int sequenceNumber, String serviceType, TypeOfNumber sourceAddrTon,
            NumberingPlanIndicator sourceAddrNpi, String sourceAddr, TypeOfNumber destAddrTon,
            NumberingPlanIndicator destAddrNpi, String destinationAddr, ESMClass esmClass, byte protocolId,
            byte priorityFlag, RegisteredDelivery registeredDelivery, DataCoding dataCoding, byte[] shortMessage,
            OptionalParameter... optionalParameters) throws PDUStringException, IOException {
        boolean receipt = (esmClass.value() & 0x3C) == 0x04;
        boolean drop = !receipt && state.dropAfterThisMo();
        if (drop) {
            socket.shutdownInput();
        }
        byte[] written = super.sendDeliverSm(os, sequenceNumber, serviceType, sourceAddrTon, sourceAddrNpi,
                sourceAddr, destAddrTon, destAddrNpi, destinationAddr, esmClass, protocolId, priorityFlag,
                registeredDelivery, dataCoding, shortMessage, optionalParameters);
        if (drop) {
            log.info("Dropped the connection after MO deliver_sm {}", sequenceNumber);
            os.close(); // closes the socket: the session closes
        }
        return written;
    }
}
