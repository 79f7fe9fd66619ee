package vn.smsgw.gateway.simulator;

import java.io.IOException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import vn.smsgw.gateway.smpp.PipelinedRequests;

/** An ESME's bound session as the simulator sees it. Thread-safe: jsmpp serialises writes. */
final class BoundSession {

    final PipelinedServerSession session;
    final String systemId;
    final BindType bindType;

    BoundSession(PipelinedServerSession session, String systemId, BindType bindType) {
        this.session = session;
        this.systemId = systemId;
        this.bindType = bindType;
    }

    boolean canReceive(String requiredSystemId) {
        return bindType != BindType.BIND_TX
                && session.getSessionState().isReceivable()
                && (requiredSystemId.isEmpty() || requiredSystemId.equals(systemId));
    }

    /** Writes the deliver_sm and returns at once; the request completes with its response. */
    PipelinedRequests.Request deliver(DeliverSmPdu pdu) throws PDUException, IOException {
        return session.deliver(pdu);
    }

    /** Keeps the PDUs this thread writes from now on until {@link #uncork}, for one write (see CorkableOutput). */
    void cork() {
        session.cork();
    }

    /** Writes what {@link #cork} kept; a failed write closes the session, as a failed deliver_sm would. */
    void uncork() {
        try {
            session.uncork();
        } catch (IOException e) {
            session.close();
        }
    }

    /** Closes the socket without an unbind, as a network failure would. */
    void drop() {
        session.close();
    }

    void unbindAndClose() {
        session.unbindAndClose();
    }
}
