package vn.smsgw.gateway.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/*
 * The receipt for a submit_sm must not overtake its submit_sm_resp, so it is queued only from onSubmitSmRespSent,
 * which jsmpp calls after writing the response, and sent by the receipt lane's own threads after the receipt delay.
 * The faults that answer with an error throw ProcessRequestException; the one that leaves a submit_sm unanswered
 * marks the message id for FaultyPduSender, which skips writing that response.
 */
/** Answers submit_sm with hex message ids, records them, injects the submit faults and queues receipts. */
final class SubmitSmListener implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

    private static final long FIRST_MESSAGE_ID = 0x10000;

    private final FaultState faults;
    private final Receipts receipts;
    private final SessionRegistry registry;
    private final Duration receiptDelay;
    private final LongSupplier ticker;
    private final AtomicLong nextMessageId = new AtomicLong(FIRST_MESSAGE_ID);
    private final Map<String, Receipts.ReceiptRequest> awaitingResp = new ConcurrentHashMap<>();
    private final ReceivedLog log;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder queueFull = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder receiptsRequested = new LongAdder();
    private volatile DeliveryLane receiptLane;
    private volatile Consumer<ReceivedSubmit> observer;

    SubmitSmListener(FaultState faults, Receipts receipts, SessionRegistry registry, SimulatorConfig config,
            LongSupplier ticker) {
        this.faults = faults;
        this.receipts = receipts;
        this.registry = registry;
        this.receiptDelay = config.dlrDelay();
        this.ticker = ticker;
        this.log = new ReceivedLog(config.receivedLogCapacity());
    }

    void observe(Consumer<ReceivedSubmit> submitObserver) {
        this.observer = submitObserver;
    }

    void sendReceiptsOn(DeliveryLane lane) {
        this.receiptLane = lane;
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
            throws ProcessRequestException {
        long number = faults.nextSubmit();
        String systemId = registry.systemIdOf(source);
        Faults f = faults.faults;
        if (Faults.every(f.throttleEvery(), number) || f.throttleAfter() > 0 && number > f.throttleAfter()) {
            throttled.increment();
            throw refuse(submitSm, number, systemId, SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        if (Faults.every(f.queueFullEvery(), number)) {
            queueFull.increment();
            throw refuse(submitSm, number, systemId, SMPPConstant.STAT_ESME_RMSGQFUL);
        }
        if (!f.submitRespDelay().isZero()) {
            LockSupport.parkNanos(f.submitRespDelay().toNanos()); // the configured slow SMSC
        }
        String messageId = Long.toHexString(nextMessageId.getAndIncrement());
        boolean leaveUnanswered = Faults.every(f.dropSubmitRespEvery(), number);
        Consumer<ReceivedSubmit> o = observer;
        if (o != null || log.keeps()) {
            ReceivedSubmit r = received(submitSm, number, systemId,
                    leaveUnanswered ? -1 : SMPPConstant.STAT_ESME_ROK, messageId);
            log.add(r);
            if (o != null) {
                o.accept(r);
            }
        }
        if (leaveUnanswered) {
            unanswered.increment();
            faults.leaveUnanswered(messageId);
        } else {
            accepted.increment();
            if (Receipts.requested(submitSm.getRegisteredDelivery())) {
                receiptsRequested.increment();
                awaitingResp.put(messageId, receiptRequest(submitSm, messageId, systemId));
            }
        }
        try {
            return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new IllegalStateException("hex message id rejected: " + messageId, e);
        }
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        String messageId = result.getMessageId();
        if (faults.forgetUnanswered(messageId)) {
            return;
        }
        Receipts.ReceiptRequest request = awaitingResp.remove(messageId);
        DeliveryLane lane = receiptLane;
        if (request != null && lane != null) {
            lane.schedule(new Delivery(receipts.receipt(request), request.systemId(), -1, false, ticker)
                    .dueIn(receiptDelay.toNanos()));
        }
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession source) {
        awaitingResp.remove(result.getMessageId());
        faults.forgetUnanswered(result.getMessageId());
    }

    SubmitStats stats() {
        return new SubmitStats(faults.submitsSoFar(), accepted.sum(), throttled.sum(), queueFull.sum(),
                unanswered.sum(), receiptsRequested.sum());
    }

    List<ReceivedSubmit> received() {
        return log.snapshot();
    }

    private ProcessRequestException refuse(SubmitSm submitSm, long number, String systemId, int status) {
        log.add(received(submitSm, number, systemId, status, ""));
        return new ProcessRequestException("fault injected", status);
    }

    private static ReceivedSubmit received(SubmitSm s, long number, String systemId, int status, String messageId) {
        Map<Short, byte[]> tlvs = new HashMap<>();
        OptionalParameter[] parameters = s.getOptionalParameters();
        if (parameters != null) {
            for (OptionalParameter parameter : parameters) {
                byte[] tlv = parameter.serialize();
                tlvs.put(parameter.tag, java.util.Arrays.copyOfRange(tlv, 4, tlv.length));
            }
        }
        byte[] shortMessage = s.getShortMessage() == null ? new byte[0] : s.getShortMessage();
        return new ReceivedSubmit(number, systemId, nullToEmpty(s.getSourceAddr()), nullToEmpty(s.getDestAddress()),
                s.getDataCoding(), s.getEsmClass(), s.getRegisteredDelivery(), nullToEmpty(s.getValidityPeriod()),
                shortMessage, tlvs, status, messageId);
    }

    private Receipts.ReceiptRequest receiptRequest(SubmitSm s, String messageId, String systemId) {
        String text;
        try {
            text = SmsText.decode(s.getDataCoding(), s.getEsmClass(),
                    s.getShortMessage() == null ? new byte[0] : s.getShortMessage());
        } catch (RuntimeException e) {
            text = "";
        }
        return new Receipts.ReceiptRequest(messageId, systemId,
                new DeliverSmPdu.Address(ton(s.getDestAddrTon()), npi(s.getDestAddrNpi()), nullToEmpty(s.getDestAddress())),
                new DeliverSmPdu.Address(ton(s.getSourceAddrTon()), npi(s.getSourceAddrNpi()),
                        nullToEmpty(s.getSourceAddr())),
                text, receipts.now());
    }

    private static TypeOfNumber ton(byte value) {
        try {
            return TypeOfNumber.valueOf(value);
        } catch (IllegalArgumentException e) {
            return TypeOfNumber.UNKNOWN;
        }
    }

    private static NumberingPlanIndicator npi(byte value) {
        try {
            return NumberingPlanIndicator.valueOf(value);
        } catch (IllegalArgumentException e) {
            return NumberingPlanIndicator.UNKNOWN;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static ProcessRequestException unsupported(String operation) {
        return new ProcessRequestException(operation + " is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("submit_multi");
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("query_sm");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
            SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported("data_sm");
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
        // submit_multi is refused
    }

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception cause, SMPPServerSession source) {
        // submit_multi is refused
    }

    /** The last submit_sm received, oldest dropped beyond the capacity. Thread-safe. */
    private static final class ReceivedLog {
        private final int capacity;
        private final ArrayDeque<ReceivedSubmit> entries = new ArrayDeque<>();

        ReceivedLog(int capacity) {
            this.capacity = capacity;
        }

        boolean keeps() {
            return capacity > 0;
        }

        synchronized void add(ReceivedSubmit submit) {
            if (capacity == 0) {
                return;
            }
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(submit);
        }

        synchronized List<ReceivedSubmit> snapshot() {
            return List.copyOf(entries);
        }
    }
}
