package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SMPPConstant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * jsmpp writes a deliver_sm_resp on its PDU thread right after the MO listener returns (ESME_ROK) or throws
 * (that status), and offers no way to answer later. A listener that waited there for intake's commit held one PDU
 * thread per MO in flight, and each answer cost a wake-up of that thread. This sender lets the listener answer
 * when the commit is done instead: before it returns, the listener hands over the deliver_sm's sequence number and a
 * future status (handOver, on its own thread); jsmpp then asks this sender, on that same thread and for that
 * sequence number, to write ESME_ROK; the sender writes nothing yet and writes the status the future completes with,
 * taking the stream's lock as jsmpp's SynchronizedPDUSender does (it wraps this sender, so every other write of the
 * session takes the same lock). The write runs on the writer the sender is given (one thread per session in the gateway),
 * not on the thread that completes the future (intake's sync thread): a connection whose peer stops reading blocks
 * its own writes, not other sessions' answers or intake's commits. A future that fails is answered ESME_RX_T_APPN. The rule of the listener is kept:
 * ESME_ROK only for what intake has committed. A write that fails (the connection is gone) leaves the deliver_sm
 * unanswered, and the SMSC redelivers it; intake recognises the redelivery.
 */
/** jsmpp's PDU writer with deliver_sm_resp written when a future status completes. One per session. */
final class DeferredDeliverSmResp extends DefaultPDUSender {

    private static final Logger log = LoggerFactory.getLogger(DeferredDeliverSmResp.class);
    private static final ThreadLocal<Deferred> HANDED = new ThreadLocal<>();
    private static final byte[] NOTHING_YET = new byte[0];

    private final Executor writer;

    /** Deferred answers are written on {@code writer}; once it refuses work, on the thread that completes them. */
    DeferredDeliverSmResp(Executor writer) {
        Objects.requireNonNull(writer, "writer");
        this.writer = task -> {
            try {
                writer.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
    }

    /** A deliver_sm to answer with {@code status} once it completes; {@code written} runs after the answer. */
    record Deferred(int sequenceNumber, CompletionStage<Integer> status, Runnable written) {
        Deferred {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(written, "written");
        }
    }

    /**
     * Called by the MO listener, on jsmpp's PDU thread, just before it returns normally: the deliver_sm_resp jsmpp
     * writes next on this thread is replaced by {@code deferred}'s status.
     */
    static void handOver(Deferred deferred) {
        HANDED.set(deferred);
    }

    @Override
    public byte[] sendDeliverSmResp(OutputStream os, int commandStatus, int sequenceNumber, String messageId)
            throws IOException {
        Deferred d = HANDED.get();
        if (d == null) {
            return super.sendDeliverSmResp(os, commandStatus, sequenceNumber, messageId);
        }
        HANDED.remove();
        if (d.sequenceNumber() != sequenceNumber || commandStatus != SMPPConstant.STAT_ESME_ROK) {
            // not the answer the listener handed over: jsmpp's own answer stands, the handed-over one is dropped
            // (that deliver_sm stays unanswered and the SMSC redelivers it)
            log.error("deliver_sm_resp {} (status {}) written by jsmpp while deliver_sm {} was handed over",
                    sequenceNumber, commandStatus, d.sequenceNumber());
            d.written().run();
            return super.sendDeliverSmResp(os, commandStatus, sequenceNumber, messageId);
        }
        d.status().whenCompleteAsync((status, failure) -> {
            try {
                int code = failure == null && status != null ? status : SMPPConstant.STAT_ESME_RX_T_APPN;
                write(os, code, sequenceNumber, messageId);
            } finally {
                d.written().run();
            }
        }, writer);
        return NOTHING_YET;
    }

    private void write(OutputStream os, int status, int sequenceNumber, String messageId) {
        try {
            synchronized (os) {
                super.sendDeliverSmResp(os, status, sequenceNumber, messageId);
            }
        } catch (IOException | RuntimeException e) {
            log.info("deliver_sm_resp {} not written (the SMSC redelivers the deliver_sm): {}", sequenceNumber,
                    e.toString());
        }
    }
}
