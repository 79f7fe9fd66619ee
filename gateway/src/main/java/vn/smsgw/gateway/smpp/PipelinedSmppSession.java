package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.util.function.Function;
import org.jsmpp.PDUException;
import org.jsmpp.PDUReader;
import org.jsmpp.PDUSender;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.extra.PendingResponse;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SendCommandTask;
import org.jsmpp.session.SubmitSmCommandTask;
import org.jsmpp.session.connection.ConnectionFactory;

/**
 * A jsmpp ESME session that can also send a submit_sm without a thread waiting for its response (see
 * {@link PipelinedRequests}). Everything else is jsmpp's {@link SMPPSession}.
 */
public final class PipelinedSmppSession extends SMPPSession {

    private final PipelinedRequests pipelined = new PipelinedRequests();

    /** A session on jsmpp's default socket connections, PDU writer and reader. */
    public PipelinedSmppSession() {
    }

    /** A session with its own PDU writer, reader and connections. */
    public PipelinedSmppSession(PDUSender sender, PDUReader reader, ConnectionFactory connections) {
        super(sender, reader, connections);
    }

    /**
     * Writes the part's submit_sm, asking for a final delivery receipt (success or failure), and returns at once;
     * the request completes with the submit_sm_resp (see {@link PipelinedRequests.Request#response()}), and the
     * caller times it out ({@link ResponseDeadlines}). Throws when the session cannot transmit; a write that fails
     * closes the session, as jsmpp's own submit does.
     */
    public PipelinedRequests.Request submit(MtPart part, String serviceType) throws PDUException, IOException {
        return submit(part, serviceType, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE));
    }

    /** {@link #submit(MtPart, String)} with the given registered_delivery. */
    public PipelinedRequests.Request submit(MtPart part, String serviceType, RegisteredDelivery registeredDelivery)
            throws PDUException, IOException {
        return send(SubmitSmCommandTask.COMMAND_NAME_SUBMIT_SM,
                sender -> MtSubmit.task(sender, part, serviceType, registeredDelivery));
    }

    /**
     * Writes the request that {@code task} builds on this session's PDU writer, as {@link #submit(MtPart, String)}
     * does, for a transmitting {@code command}.
     */
    public PipelinedRequests.Request send(String command, Function<PDUSender, SendCommandTask> task)
            throws PDUException, IOException {
        ensureTransmittable(command);
        return pipelined.send(task.apply(pduSender()), sequence().nextValue(), connection().getOutputStream(),
                this::close);
    }

    @Override
    protected PendingResponse<Command> removePendingResponse(int sequenceNumber) {
        return pipelined.removeOr(sequenceNumber, super::removePendingResponse);
    }
}
