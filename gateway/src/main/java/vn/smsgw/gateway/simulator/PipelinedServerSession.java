package vn.smsgw.gateway.simulator;

import java.io.IOException;
import org.jsmpp.PDUException;
import org.jsmpp.PDUReader;
import org.jsmpp.PDUSender;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.extra.PendingResponse;
import org.jsmpp.session.DeliverSmCommandTask;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.SessionStateListener;
import org.jsmpp.session.connection.Connection;
import vn.smsgw.gateway.smpp.CorkableOutput;
import vn.smsgw.gateway.smpp.PipelinedRequests;

/** A jsmpp server session that can also send a deliver_sm without a thread waiting for its response. */
final class PipelinedServerSession extends SMPPServerSession {

    private final PipelinedRequests pipelined = new PipelinedRequests();

    PipelinedServerSession(Connection connection, SessionStateListener stateListener,
            ServerMessageReceiverListener receiver, ServerResponseDeliveryListener deliveries, int pduProcessorDegree,
            int queueCapacity, PDUSender sender, PDUReader reader) {
        super(connection, stateListener, receiver, deliveries, pduProcessorDegree, queueCapacity, sender, reader);
    }

    /**
     * Writes the deliver_sm and returns at once; its response completes the request. A write that fails closes the
     * session and throws, as jsmpp's own send does.
     */
    PipelinedRequests.Request deliver(DeliverSmPdu pdu) throws PDUException, IOException {
        ensureReceivable("deliverShortMessage");
        DeliverSmCommandTask task = new DeliverSmCommandTask(pduSender(), "",
                pdu.source().ton(), pdu.source().npi(), pdu.source().digits(),
                pdu.destination().ton(), pdu.destination().npi(), pdu.destination().digits(),
                new ESMClass(pdu.esmClass()), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                DataCodings.newInstance(pdu.dataCoding()), pdu.shortMessage(), pdu.tlvs());
        return pipelined.send(task, sequence().nextValue(), connection().getOutputStream(), this::close);
    }

    /** Keeps what this thread writes until {@link #uncork} when the connection's output can be corked. */
    void cork() {
        if (connection().getOutputStream() instanceof CorkableOutput out) {
            out.cork();
        }
    }

    /** Writes what {@link #cork} kept. */
    void uncork() throws IOException {
        if (connection().getOutputStream() instanceof CorkableOutput out) {
            out.uncork();
        }
    }

    @Override
    protected PendingResponse<Command> removePendingResponse(int sequenceNumber) {
        return pipelined.removeOr(sequenceNumber, super::removePendingResponse);
    }
}
