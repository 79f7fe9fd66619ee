package vn.smsgw.gateway.smpp;

import java.io.IOException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.PDUSender;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmCommandTask;
import org.jsmpp.session.SubmitSmResult;

/** Sends one {@link MtPart} as a submit_sm through a jsmpp session, hiding jsmpp's 18-argument call. */
public final class MtSubmit {

    private static final byte PROTOCOL_ID = 0;
    private static final byte PRIORITY = 0;
    private static final byte REPLACE_IF_PRESENT = 0;
    private static final byte SM_DEFAULT_MSG_ID = 0;

    private MtSubmit() {
    }

    /**
     * Submits the part asking for a final delivery receipt (success or failure); blocks until the submit_sm_resp or
     * the session's transaction timer.
     */
    public static SubmitSmResult submit(SMPPSession session, MtPart part, String serviceType)
            throws PDUException, ResponseTimeoutException, InvalidResponseException, NegativeResponseException,
            IOException {
        return submit(session, part, serviceType, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE));
    }

    /** Submits the part with the given registered_delivery; blocks like {@link #submit(SMPPSession, MtPart, String)}. */
    public static SubmitSmResult submit(SMPPSession session, MtPart part, String serviceType,
            RegisteredDelivery registeredDelivery) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        SmppAddress source = part.source();
        SmppAddress destination = part.destination();
        return session.submitShortMessage(serviceType,
                TypeOfNumber.valueOf(source.ton().code()), NumberingPlanIndicator.valueOf(source.npi().code()),
                source.address(),
                TypeOfNumber.valueOf(destination.ton().code()),
                NumberingPlanIndicator.valueOf(destination.npi().code()), destination.address(),
                new ESMClass(part.esmClass()), PROTOCOL_ID, PRIORITY, null, null,
                registeredDelivery, REPLACE_IF_PRESENT, DataCodings.newInstance(part.dataCoding()),
                SM_DEFAULT_MSG_ID, part.shortMessage());
    }

    /** The same submit_sm as a jsmpp task that writes it with a sequence number, for a pipelined session. */
    static SubmitSmCommandTask task(PDUSender sender, MtPart part, String serviceType,
            RegisteredDelivery registeredDelivery) {
        SmppAddress source = part.source();
        SmppAddress destination = part.destination();
        return new SubmitSmCommandTask(sender, serviceType,
                TypeOfNumber.valueOf(source.ton().code()), NumberingPlanIndicator.valueOf(source.npi().code()),
                source.address(),
                TypeOfNumber.valueOf(destination.ton().code()),
                NumberingPlanIndicator.valueOf(destination.npi().code()), destination.address(),
                new ESMClass(part.esmClass()), PROTOCOL_ID, PRIORITY, null, null,
                registeredDelivery, REPLACE_IF_PRESENT, DataCodings.newInstance(part.dataCoding()),
                SM_DEFAULT_MSG_ID, part.shortMessage());
    }
}
