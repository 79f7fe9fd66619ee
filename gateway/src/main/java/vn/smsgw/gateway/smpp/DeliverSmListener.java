package vn.smsgw.gateway.smpp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.intake.InboundPart;
import vn.smsgw.dispatch.intake.InboundSms;
import vn.smsgw.dispatch.intake.IntakeResult;
import vn.smsgw.dispatch.intake.PartContent;
import vn.smsgw.parser.number.Msisdn;

/*
 * jsmpp writes the deliver_sm_resp when this listener returns (ESME_ROK) or throws ProcessRequestException (that
 * status). The answer to an MO that goes to intake waits for intake's commit: in the gateway's sessions the listener
 * hands it to DeferredDeliverSmResp, which writes it when the commit is done, and returns at once (the PDU thread is
 * free for the next deliver_sm); used on its own, the listener waits for the commit before it returns. Either way
 * the SMSC is never told ESME_ROK for an MO that is not durably stored. Everything that is not stored is answered with a temporary error so that the SMSC
 * redelivers; intake recognises a redelivery of what it had stored after all (a commit that finished after the
 * wait gave up, or before a crash) and answers it Duplicate, so nothing is stored twice.
 *
 *   Stored, Duplicate, PartStored, LatePart, receipt           ESME_ROK
 *   an esm_class message type smsgw does not take              ESME_RINVESMCLASS (0x43), nothing stored
 *   Unavailable, intake queue full                             ESME_RTHROTTLED (0x58)
 *   Unavailable, storage failure; commit wait timed out;
 *   receipt handler failed; closing                            ESME_RX_T_APPN (0x64)
 *   malformed PDU (UDH, SAR, a TLV of the wrong length)        the decoder's status (0x01, 0x65, 0xC2)
 *   no destination address                                     ESME_RINVDSTADR (0x0B)
 *   data_sm                                                    ESME_RINVCMDID (0x03): MO comes as deliver_sm
 *
 * The delivery reference is left empty: no deliver_sm field is both standard and stable across an SMSC's
 * redeliveries, and a reporter who repeats the identical text on the same short code within the dedupe window is
 * the same report. Concatenated parts are not joined here: each goes to intake with its octets, which stores it
 * durably, joins and decodes the message when its last part arrives, stores it as incomplete after the reassembly
 * timeout, and keeps a part that arrives after that as evidence of that message's case. The order in which jsmpp's
 * threads call this listener therefore does not matter.
 */
/** The MO edge of one SMSC: decodes each deliver_sm, hands it to intake or the receipts, and answers it. Thread-safe. */
public final class DeliverSmListener implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(DeliverSmListener.class);

    private final boolean deferAnswers;
    private final String smscId;
    private final MoDecoder decoder;
    private final MoSinks sinks;
    private final Clock clock;
    private final long commitTimeoutNanos;
    private final MoMeters meters;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object drained = new Object();
    private volatile boolean closing;
    private final AtomicLong refusedClosing = new AtomicLong();

    /**
     * A listener for the SMSC {@code smsc} that returns only once it has the answer (ESME_ROK by returning, anything
     * else by throwing); receivedAt comes from {@code clock}.
     */
    public DeliverSmListener(SmscConfig smsc, MoSinks sinks, MeterRegistry meters, Clock clock) {
        this(smsc, sinks, meters, clock, false);
    }

    /**
     * With {@code deferAnswers}, an answer that waits for a commit is handed to {@link DeferredDeliverSmResp}, which
     * must then be the PDU sender of every session this listener serves.
     */
    DeliverSmListener(SmscConfig smsc, MoSinks sinks, MeterRegistry meters, Clock clock, boolean deferAnswers) {
        this.deferAnswers = deferAnswers;
        this.smscId = smsc.name();
        this.decoder = new MoDecoder(smsc.defaultAlphabet());
        this.sinks = Objects.requireNonNull(sinks, "sinks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.commitTimeoutNanos = smsc.commitTimeout().toNanos();
        this.meters = new MoMeters(meters, smscId);
    }

    private static boolean accepted(CompletableFuture<Answer> done) {
        return !done.isCompletedExceptionally() && done.join().status() == SMPPConstant.STAT_ESME_ROK;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        inFlight.incrementAndGet();
        boolean handedOver = false;
        try {
            meters.received();
            CompletableFuture<Answer> answer;
            if (closing) {
                refusedClosing.incrementAndGet();
                answer = CompletableFuture.completedFuture(Answer.temporary(RefusedDeliverSmLogFilter.CLOSING));
            } else {
                answer = answerSafely(deliverSm);
            }
            // an answer already made goes the same way when it is a refusal (queue full, malformed, closing): thrown
            // as a ProcessRequestException, jsmpp would log it at ERROR with a stack trace, one per PDU, on the PDU
            // thread, just when intake is overloaded
            if (deferAnswers && (!answer.isDone() || !accepted(answer))) {
                DeferredDeliverSmResp.handOver(new DeferredDeliverSmResp.Deferred(deliverSm.getSequenceNumber(),
                        answer.thenApply(this::answered), this::callDone));
                handedOver = true;
                return;
            }
            Answer a = await(answer);
            answered(a);
            if (a.status() != SMPPConstant.STAT_ESME_ROK) {
                throw new ProcessRequestException(a.reason(), a.status());
            }
        } finally {
            if (!handedOver) {
                callDone();
            }
        }
    }

    private int answered(Answer answer) {
        meters.answered(answer.name());
        return answer.status();
    }

    private void callDone() {
        if (inFlight.decrementAndGet() == 0 && closing) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    private static Answer await(CompletableFuture<Answer> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.temporary("interrupted");
        } catch (ExecutionException e) {
            return Answer.temporary("internal error");
        }
    }

    private CompletableFuture<Answer> answerSafely(DeliverSm deliverSm) {
        try {
            return answer(MoPdu.of(deliverSm));
        } catch (RuntimeException e) {
            log.error("smsc {}: deliver_sm {} not handled; answered as a temporary error", smscId,
                    deliverSm.getSequenceNumber(), e);
            return CompletableFuture.completedFuture(Answer.temporary("internal error"));
        }
    }

    private CompletableFuture<Answer> answer(MoPdu pdu) {
        DecodedMo mo = decoder.decode(pdu);
        if (mo instanceof DecodedMo.Receipt receipt) {
            return toReceipts(receipt.receipt());
        }
        if (mo instanceof DecodedMo.Malformed malformed) {
            log.info("smsc {}: deliver_sm not taken, answered {}: {} ({})", smscId, malformed.status(),
                    malformed.reason(), pdu);
            return CompletableFuture.completedFuture(Answer.of(mo.commandStatus()));
        }
        if (pdu.destination().isEmpty()) {
            return CompletableFuture.completedFuture(
                    new Answer(SMPPConstant.STAT_ESME_RINVDSTADR, "ESME_RINVDSTADR", "no destination address"));
        }
        Instant now = clock.instant();
        CompletableFuture<IntakeResult> commit;
        if (mo instanceof DecodedMo.Whole whole) {
            commit = sinks.intake().submit(sms(pdu, whole.text(), InboundSms.Form.TEXT, now));
        } else if (mo instanceof DecodedMo.Part part) {
            commit = sinks.intake().submitPart(new InboundPart(pdu.source(), pdu.destination(), smscId, now,
                    part.key(), part.seq(), part.content()));
        } else {
            DecodedMo.Binary binary = (DecodedMo.Binary) mo;
            commit = BinaryConcat.key(pdu).filter(key -> key.total() > 1)
                    .map(key -> sinks.intake().submitPart(new InboundPart(pdu.source(), pdu.destination(), smscId,
                            now, key, binary.seq(), new PartContent.Binary(binary.hex()))))
                    .orElseGet(() -> sinks.intake().submit(sms(pdu, binary.hex(), InboundSms.Form.BINARY, now)));
        }
        return committed(commit, pdu);
    }

    private InboundSms sms(MoPdu pdu, String text, InboundSms.Form form, Instant now) {
        return new InboundSms(pdu.source(), pdu.destination(), text, smscId, now, "", form);
    }

    private CompletableFuture<Answer> toReceipts(DeliveryReceipt receipt) {
        CompletableFuture<?> recorded;
        try {
            recorded = sinks.receipts().take(smscId, receipt);
        } catch (RuntimeException e) {
            recorded = CompletableFuture.failedFuture(e);
        }
        // a receipt recorded after its temporary answer is redelivered by the SMSC and settles the same state again
        return bounded(recorded).handle((ignored, failure) -> {
            if (failure == null) {
                return Answer.ok();
            }
            Throwable cause = Futures.cause(failure);
            if (cause instanceof TimeoutException) {
                log.warn("smsc {}: receipt for message {} not recorded within {}; answered as a temporary error",
                        smscId, receipt.messageId(), Duration.ofNanos(commitTimeoutNanos));
                return Answer.temporary("receipt not recorded in time");
            }
            log.warn("smsc {}: receipt for message {} not taken: {}", smscId, receipt.messageId(), cause.toString());
            return Answer.temporary("receipt not taken");
        });
    }

    /**
     * {@code f}, failed with a TimeoutException once the commit timeout is over: every answer the listener owes, an
     * MO's or a receipt's, is owed for no longer, so a drain of that timeout plus a margin covers them all.
     */
    private <T> CompletableFuture<T> bounded(CompletableFuture<T> f) {
        return f.copy().orTimeout(commitTimeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** The answer to an MO once intake's commit is done, or a temporary error after the commit timeout. */
    private CompletableFuture<Answer> committed(CompletableFuture<IntakeResult> commit, MoPdu pdu) {
        Timer.Sample sample = Timer.start();
        return bounded(commit).handle((result, failure) -> {
            sample.stop(meters.commit());
            if (failure != null) {
                Throwable cause = Futures.cause(failure);
                if (cause instanceof TimeoutException) {
                    log.warn("smsc {}: MO from {} not committed within {}; answered as a temporary error", smscId,
                            Msisdn.mask(pdu.source()), Duration.ofNanos(commitTimeoutNanos));
                    return Answer.temporary("not committed in time");
                }
                log.error("smsc {}: intake failed on an MO from {}", smscId, Msisdn.mask(pdu.source()), cause);
                return Answer.temporary("intake failed");
            }
            return toAnswer(result, pdu);
        });
    }

    private Answer toAnswer(IntakeResult result, MoPdu pdu) {
        if (result instanceof IntakeResult.Unavailable unavailable) {
            if (log.isDebugEnabled()) { // the mask reads the number: not for every refused MO with debug off
                log.debug("smsc {}: MO from {} not stored: {}", smscId, Msisdn.mask(pdu.source()),
                        unavailable.reason());
            }
            return unavailable.overloaded()
                    ? new Answer(SMPPConstant.STAT_ESME_RTHROTTLED, "ESME_RTHROTTLED", unavailable.reason())
                    : Answer.temporary(unavailable.reason());
        }
        return Answer.ok(); // rejected messages are counted by intake (smsgw.mo.rejected), reassembled ones too
    }

    /** data_sm is not a supported MO carrier: answered ESME_RINVCMDID. */
    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        meters.answered("ESME_RINVCMDID");
        throw new ProcessRequestException("data_sm is not supported; deliver MO as deliver_sm",
                SMPPConstant.STAT_ESME_RINVCMDID);
    }

    /** Ignored: there is no message waiting to be delivered to a handset here. */
    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        log.debug("smsc {}: alert_notification ignored", smscId);
    }

    /**
     * From now on answers every deliver_sm with a temporary error, then waits up to {@code timeout} for the calls in
     * progress to return; returns whether they all did.
     */
    boolean drain(Duration timeout) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (drained) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(drained, left);
            }
        }
        return true;
    }

    /** deliver_sm answered with a temporary error because the listener was closing. */
    long refusedWhileClosing() {
        return refusedClosing.get();
    }

    /** Listener calls in progress. */
    int inFlight() {
        return inFlight.get();
    }

    /** A deliver_sm_resp: its command_status, that status's name, and why (for an error). */
    private record Answer(int status, String name, String reason) {
        static Answer ok() {
            return new Answer(SMPPConstant.STAT_ESME_ROK, "ESME_ROK", "");
        }

        static Answer temporary(String reason) {
            return new Answer(SMPPConstant.STAT_ESME_RX_T_APPN, "ESME_RX_T_APPN", reason);
        }

        static Answer of(CommandStatus status) {
            return new Answer(status.code(), status.name(), status.name());
        }
    }
}
