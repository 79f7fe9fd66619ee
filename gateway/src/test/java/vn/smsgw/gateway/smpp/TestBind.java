package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.util.Optional;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

/** A plain jsmpp transceiver bind for the tests, routing every receipt it gets to a {@link ReceiptHandler}. */
final class TestBind implements SubmitSession, AutoCloseable {
    static final String SMSC = "test-smsc";

    private final PipelinedSmppSession session = new PipelinedSmppSession();

    private TestBind() {
    }

    static TestBind bind(int port, long transactionTimerMillis, ReceiptHandler receipts) throws IOException {
        TestBind bind = new TestBind();
        bind.session.setTransactionTimer(transactionTimerMillis);
        bind.session.setPduProcessorDegree(2);
        bind.session.setQueueCapacity(2_000);
        bind.session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                DeliveryReceipts.parse(MoPdu.of(deliverSm)).ifPresent(r -> receipts.onReceipt(SMSC, r));
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 0x03);
            }
        });
        bind.session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, "smsgw", "pw", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
        return bind;
    }

    @Override
    public String name() {
        return SMSC;
    }

    @Override
    public String smsc() {
        return SMSC;
    }

    @Override
    public Optional<PipelinedSmppSession> bound() {
        return session.getSessionState().isTransmittable() ? Optional.of(session) : Optional.empty();
    }

    @Override
    public void close() {
        session.unbindAndClose();
    }
}
