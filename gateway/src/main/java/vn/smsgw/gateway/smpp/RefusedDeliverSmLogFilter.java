package vn.smsgw.gateway.smpp;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.jsmpp.extra.ProcessRequestException;

/**
 * Drops jsmpp's ERROR, with a stack trace, for each deliver_sm that {@link DeliverSmListener} refused because the
 * gateway is closing (it throws {@link ProcessRequestException} to answer ESME_RX_T_APPN, so the SMSC delivers it
 * again). Under load, a line for each buried the log at every shutdown; the answers are counted in
 * {@code smsgw_mo_answered_total{status="ESME_RX_T_APPN"}} and the bind logs how many when it closes. Every other
 * event passes, among them jsmpp's errors for the listener's other refusals and for deliver_sm it could not decode.
 */
public final class RefusedDeliverSmLogFilter extends Filter<ILoggingEvent> {
    static final String LOGGER = "org.jsmpp.session.state.SMPPSessionBound";
    static final String MESSAGE = "Failed processing deliver_sm";
    static final String CLOSING = "closing";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return LOGGER.equals(event.getLoggerName()) && MESSAGE.equals(event.getMessage()) && thrown != null
                && ProcessRequestException.class.getName().equals(thrown.getClassName())
                && CLOSING.equals(thrown.getMessage())
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
