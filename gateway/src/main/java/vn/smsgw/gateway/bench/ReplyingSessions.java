package vn.smsgw.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmCommandTask;

/*
 * The gateway's SMPP traffic with none of its work: per MO, the deliver_sm is answered at once, one reply submit_sm
 * goes back to the reporter (registered_delivery on, so the SMSC sends a receipt) and that receipt's deliver_sm is
 * answered at once. No decoding, parsing or store. The binds, the PDU threads per bind and the submit window per
 * bind are the gateway side's, and the submit_sm go out as the gateway's do, from one thread per bind without a
 * thread waiting for each response (PipelinedSmppSession), so what this side reaches is the ceiling of jsmpp on this
 * machine for the traffic the gateway has to move, as the bare receiver is the ceiling for the deliver_sm alone. The
 * submit_sm carries the fields the gateway's MtSubmit sets for a one-part GSM-7 reply, built here directly.
 */
/** jsmpp transceivers that answer every MO with one reply and acknowledge everything else, doing nothing more. */
final class ReplyingSessions implements AutoCloseable {
    /** A reply as long as the gateway's default acknowledgement with a case id and a number filled in. */
    private static final byte[] REPLY = ("Da tiep nhan phan anh K7M2Q9XR ve +84912345678. Cam on Quy khach da gop "
            + "phan ngan chan lua dao. Khong cung cap OTP cho bat ky ai.").getBytes(StandardCharsets.US_ASCII);

    private final List<BareSession> sessions = new ArrayList<>();
    private final List<Thread> senders = new ArrayList<>();
    private final List<PipelinedWindow> windows = new ArrayList<>();
    private final BlockingQueue<DeliverSm> toAnswer = new LinkedBlockingQueue<>();
    private volatile boolean running = true;

    private ReplyingSessions() {
    }

    /** Binds {@code binds} transceivers, each with {@code degree} PDU threads and {@code window} replies in flight. */
    static ReplyingSessions bind(int port, int binds, int degree, int window, int queueCapacity) throws IOException {
        ReplyingSessions r = new ReplyingSessions();
        boolean bound = false;
        try {
            for (int b = 0; b < binds; b++) {
                BareSession s = BareSession.bind(port, degree, queueCapacity, r.new Replier());
                r.sessions.add(s);
                PipelinedWindow w = new PipelinedWindow(s.session(), window);
                r.windows.add(w);
                Thread t = new Thread(() -> r.send(w), "bench-replying-submit-" + b);
                t.setDaemon(true);
                r.senders.add(t);
                t.start();
            }
            bound = true;
            return r;
        } finally {
            if (!bound) {
                r.close();
            }
        }
    }

    /** Replies whose submit_sm failed (an error answer, a timeout, a broken connection). */
    long failed() {
        return windows.stream().mapToLong(PipelinedWindow::failed).sum();
    }

    private void send(PipelinedWindow window) {
        while (running) {
            DeliverSm mo;
            try {
                if (!window.takePlace(10)) {
                    continue;
                }
                mo = toAnswer.poll(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (mo == null) {
                window.giveBack();
                continue;
            }
            window.submit(sender -> new SubmitSmCommandTask(sender, "", TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, mo.getDestAddress(), TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN, mo.getSourceAddr(), new ESMClass(), (byte) 0, (byte) 0, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, DataCodings.ZERO,
                    (byte) 0, REPLY));
        }
    }

    /** Stops the senders, waiting up to a second for each, then unbinds every session. */
    @Override
    public void close() {
        running = false;
        for (Thread t : senders) {
            t.interrupt();
        }
        for (Thread t : senders) {
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (BareSession s : sessions) {
            try {
                s.close();
            } catch (RuntimeException e) {
                // unbinding the others still matters; the simulator drops what is left when it closes
            }
        }
    }

    /** Reply senders still running (for tests). */
    long sendersAlive() {
        return senders.stream().filter(Thread::isAlive).count();
    }

    /** Queues a reply for each MO and returns at once (jsmpp answers ESME_ROK); receipts are only answered. */
    private final class Replier implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                toAnswer.add(deliverSm);
            }
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
