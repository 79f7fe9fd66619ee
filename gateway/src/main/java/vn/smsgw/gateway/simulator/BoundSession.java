package vn.smsgw.gateway.simulator;

import java.io.IOException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.InvalidResponseException;

/** An ESME's bound session as the simulator sees it. Thread-safe: jsmpp serialises writes. */
final class BoundSession {

    final SMPPServerSession session;
    final String systemId;
    final BindType bindType;

    BoundSession(SMPPServerSession session, String systemId, BindType bindType) {
        this.session = session;
        this.systemId = systemId;
        this.bindType = bindType;
    }

    boolean canReceive(String requiredSystemId) {
        return bindType != BindType.BIND_TX
                && session.getSessionState().isReceivable()
                && (requiredSystemId.isEmpty() || requiredSystemId.equals(systemId));
    }

    /** Sends the deliver_sm and waits for its response; returns normally on ESME_ROK. */
    void deliver(DeliverSmPdu pdu) throws PDUException, ResponseTimeoutException, InvalidResponseException,
            NegativeResponseException, IOException {
        session.deliverShortMessage("",
                pdu.source().ton(), pdu.source().npi(), pdu.source().digits(),
                pdu.destination().ton(), pdu.destination().npi(), pdu.destination().digits(),
                new ESMClass(pdu.esmClass()), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                DataCodings.newInstance(pdu.dataCoding()), pdu.shortMessage(), pdu.tlvs());
    }

    /** Closes the socket without an unbind, as a network failure would. */
    void drop() {
        session.close();
    }

    void unbindAndClose() {
        session.unbindAndClose();
    }
}
