package vn.smsgw.gateway.bench;

import java.io.IOException;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import vn.smsgw.gateway.smpp.PipelinedSmppSession;

/**
 * A jsmpp transceiver bound for a benchmark: by default it acknowledges every deliver_sm at once and does nothing
 * else, the library's ceiling on this machine for comparison; or its deliver_sm go to a given listener.
 */
final class BareSession implements AutoCloseable {
    private final PipelinedSmppSession session;

    private BareSession(PipelinedSmppSession session) {
        this.session = session;
    }

    static BareSession bind(int port, int degree, int queueCapacity) throws IOException {
        return bind(port, degree, queueCapacity, new Acknowledger());
    }

    /** A transceiver whose deliver_sm go to {@code listener}. */
    static BareSession bind(int port, int degree, int queueCapacity, MessageReceiverListener listener)
            throws IOException {
        PipelinedSmppSession s = new PipelinedSmppSession(new SynchronizedPDUSender(new DefaultPDUSender()),
                new DefaultPDUReader(), new NoDelayConnections());
        s.setPduProcessorDegree(degree);
        s.setQueueCapacity(queueCapacity);
        s.setTransactionTimer(10_000);
        s.setEnquireLinkTimer(30_000);
        s.setMessageReceiverListener(listener);
        s.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, "bare", "", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null, InterfaceVersion.IF_34), 5_000);
        return new BareSession(s);
    }

    PipelinedSmppSession session() {
        return session;
    }

    @Override
    public void close() {
        session.unbindAndClose();
    }

    /** Returns at once: jsmpp answers ESME_ROK. */
    private static final class Acknowledger implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            // acknowledged by returning
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // nothing to do
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x03);
        }
    }
}
