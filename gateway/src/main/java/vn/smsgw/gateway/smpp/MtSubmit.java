package vn.smsgw.gateway.smpp;

import org.jsmpp.PDUSender;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SubmitSmCommandTask;

/** Builds one {@link MtPart}'s submit_sm for jsmpp, hiding jsmpp's 18-argument call. */
final class MtSubmit {

    private static final byte PROTOCOL_ID = 0;
    private static final byte PRIORITY = 0;
    private static final byte REPLACE_IF_PRESENT = 0;
    private static final byte SM_DEFAULT_MSG_ID = 0;

    private MtSubmit() {
    }

    /** The part's submit_sm as a jsmpp task that writes it with a sequence number (see PipelinedSmppSession). */
    static SubmitSmCommandTask task(PDUSender sender, MtPart part, String serviceType,
            RegisteredDelivery registeredDelivery) {
        SmppAddress source = part.source();
        SmppAddress destination = part.destination();
        return new SubmitSmCommandTask(sender, serviceType,
                TypeOfNumber.valueOf(source.ton().code()), NumberingPlanIndicator.valueOf(source.npi().code()),
                source.address(),
                TypeOfNumber.valueOf(destination.ton().code()),
                NumberingPlanIndicator.valueOf(destination.npi().code()), destination.address(),
                new ESMClass(part.esmClass()), PROTOCOL_ID, PRIORITY, null,
                part.validityPeriod().isEmpty() ? null : part.validityPeriod(),
                registeredDelivery, REPLACE_IF_PRESENT, DataCodings.newInstance(part.dataCoding()),
                SM_DEFAULT_MSG_ID, part.shortMessage());
    }
}
