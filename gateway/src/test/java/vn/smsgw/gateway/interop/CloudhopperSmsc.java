package vn.smsgw.gateway.interop;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.EnquireLink;
import com.cloudhopper.smpp.pdu.Pdu;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.pdu.Unbind;
import com.cloudhopper.smpp.pdu.UnbindResp;
import com.cloudhopper.smpp.type.SmppChannelException;
import com.cloudhopper.smpp.type.SmppProcessingException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.joda.time.DateTime;

/*
 * An SMSC on cloudhopper-smpp (Netty 3, an asynchronous request window), an SMPP implementation the gateway did not
 * write, used through its public API only. It records what it receives and how its requests were answered, for the
 * test to read back.
 *
 * - bind: the system_id and password are checked; a wrong password is refused with ESME_RINVPASWD (0x0E), another
 *   system_id with ESME_RINVSYSID (0x0F), and cloudhopper closes the connection after the bind_resp.
 * - submit_sm: answered with an upper-case, zero-padded hex message id. The submit_sm_resp is written on the I/O
 *   thread before the receipt is handed to another thread, so a receipt never overtakes its response.
 * - receipts: as CloudhopperReceipts writes them, when the submit_sm asks for one.
 * - MO: the deliver_sm of a CloudhopperMo, all parts sent at once, asynchronously, through the session's window.
 *
 * The server binds 127.0.0.1 on a port the system reports free; should another process take it in between, start
 * tries again with another.
 */
/** A cloudhopper-smpp SMSC on 127.0.0.1 for interop tests. Thread-safe; close it to free its threads and port. */
final class CloudhopperSmsc implements AutoCloseable {

    private static final long REQUEST_TIMEOUT_MS = 10_000;
    private static final int START_ATTEMPTS = 5;
    private static final Object RECEIPT = new Object();

    /** A bind request and the command_status of its bind_resp. */
    record Bind(String systemId, SmppBindType type, byte interfaceVersion, int status) {
    }

    /** An accepted submit_sm: text decoded by its data_coding with cloudhopper's charsets, and the message id given. */
    record Submit(String src, String dst, byte dataCoding, byte esmClass, byte registeredDelivery, String text,
                  String messageId) {
    }

    private final String systemId;
    private final String password;
    private final ExecutorService io = Executors.newCachedThreadPool(daemon("ch-smsc-io"));
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(daemon("ch-smsc-window"));
    private final ExecutorService receipts = Executors.newSingleThreadExecutor(daemon("ch-smsc-receipts"));
    private final DefaultSmppServer server;
    private final List<SmppServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Bind> binds = new CopyOnWriteArrayList<>();
    private final List<Submit> submits = new CopyOnWriteArrayList<>();
    private final List<Integer> unbindResponses = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> receiptResponses = new ConcurrentHashMap<>();
    private final AtomicInteger enquireLinks = new AtomicInteger();
    private final AtomicInteger unbinds = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger(0xA3F000);
    private final AtomicInteger concatRefs = new AtomicInteger();

    private CloudhopperSmsc(String systemId, String password) {
        this.systemId = systemId;
        this.password = password;
        SmppServerConfiguration config = new SmppServerConfiguration();
        config.setName("ch-smsc");
        config.setSystemId("ch-smsc");
        config.setHost("127.0.0.1");
        config.setNonBlockingSocketsEnabled(true);
        config.setMaxConnectionSize(2); // NIO worker threads
        config.setJmxEnabled(false);
        config.setBindTimeout(5_000);
        config.setDefaultWindowSize(50);
        config.setDefaultWindowWaitTimeout(REQUEST_TIMEOUT_MS);
        config.setDefaultRequestExpiryTimeout(REQUEST_TIMEOUT_MS);
        config.setDefaultWindowMonitorInterval(1_000);
        this.server = new DefaultSmppServer(config, new Binds(), io, monitor);
    }

    /** Starts an SMSC accepting binds with exactly these credentials. */
    static CloudhopperSmsc start(String systemId, String password) throws IOException, SmppChannelException {
        CloudhopperSmsc smsc = new CloudhopperSmsc(systemId, password);
        for (int attempt = 1; ; attempt++) {
            smsc.server.getConfiguration().setPort(freePort());
            try {
                smsc.server.start();
                return smsc;
            } catch (SmppChannelException e) {
                if (attempt == START_ATTEMPTS) {
                    smsc.close();
                    throw e;
                }
            }
        }
    }

    int port() {
        return server.getConfiguration().getPort();
    }

    /** Sessions bound now. */
    int boundSessions() {
        return (int) sessions.stream().filter(SmppServerSession::isBound).count();
    }

    /** Every bind request so far, accepted or refused. */
    List<Bind> binds() {
        return List.copyOf(binds);
    }

    /** Every accepted submit_sm, in arrival order. */
    List<Submit> submits() {
        return List.copyOf(submits);
    }

    /** deliver_sm_resp to receipts by command_status; -1 counts receipts not sent or not answered in time. */
    Map<Integer, Integer> receiptResponses() {
        return new TreeMap<>(receiptResponses);
    }

    /** enquire_link received from the gateway. */
    int enquireLinksReceived() {
        return enquireLinks.get();
    }

    /** unbind received from the gateway. */
    int unbindsReceived() {
        return unbinds.get();
    }

    /** command_status of every unbind_resp to an unbind of this SMSC. */
    List<Integer> unbindResponses() {
        return List.copyOf(unbindResponses);
    }

    /**
     * Sends the MO on the newest bound session, all parts at once through the window. {@code probe} runs on the I/O
     * thread that reads the last deliver_sm_resp, right then; the future completes with the answers and its result,
     * or fails when a part is not answered within 10 s.
     */
    CompletableFuture<MoAnswers.Answered> deliver(CloudhopperMo mo, BooleanSupplier probe) throws Exception {
        SmppServerSession session = session();
        List<DeliverSm> parts = mo.deliverSms(concatRefs.incrementAndGet() & 0xFF);
        MoAnswers answers = new MoAnswers(parts.size(), probe);
        for (DeliverSm part : parts) {
            part.setReferenceObject(answers);
            session.sendRequestPdu(part, REQUEST_TIMEOUT_MS, false);
        }
        return answers.done();
    }

    /** Sends enquire_link on the newest bound session; returns the command_status of the enquire_link_resp. */
    int enquireLink() throws Exception {
        return session().enquireLink(new EnquireLink(), REQUEST_TIMEOUT_MS).getCommandStatus();
    }

    /**
     * Unbinds the newest bound session the way cloudhopper does (unbind, wait for unbind_resp, close); returns once
     * the connection is closed. The answer is in {@link #unbindResponses()}.
     */
    void unbind() {
        session().unbind(REQUEST_TIMEOUT_MS);
    }

    private SmppServerSession session() {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            if (sessions.get(i).isBound()) {
                return sessions.get(i);
            }
        }
        throw new IllegalStateException("no session is bound");
    }

    private void accept(SmppServerSession session, SubmitSm submit) {
        String id = String.format("%08X", messageIds.incrementAndGet());
        submits.add(new Submit(submit.getSourceAddress().getAddress(), submit.getDestAddress().getAddress(),
                submit.getDataCoding(), submit.getEsmClass(), submit.getRegisteredDelivery(),
                CloudhopperReceipts.text(submit), id));
        SubmitSmResp response = submit.createResponse();
        response.setMessageId(id);
        try {
            session.sendResponsePdu(response);
        } catch (Exception e) {
            throw new IllegalStateException("submit_sm_resp not written", e);
        }
        if ((submit.getRegisteredDelivery() & SmppConstants.REGISTERED_DELIVERY_SMSC_RECEIPT_REQUESTED) != 0) {
            DateTime submitted = DateTime.now();
            receipts.execute(() -> sendReceipt(session, submit, id, submitted));
        }
    }

    private void sendReceipt(SmppServerSession session, SubmitSm submit, String id, DateTime submitted) {
        try {
            DeliverSm receipt = CloudhopperReceipts.delivered(submit, id, submitted);
            receipt.setReferenceObject(RECEIPT);
            session.sendRequestPdu(receipt, REQUEST_TIMEOUT_MS, false);
        } catch (Exception e) {
            receiptResponses.merge(-1, 1, Integer::sum);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Closes every connection and stops the server's threads. */
    @Override
    public void close() {
        server.destroy(); // also shuts down the I/O executor
        receipts.shutdownNow();
        monitor.shutdownNow();
        io.shutdownNow();
    }

    /** Bind requests: checked against the credentials; accepted ones become sessions handled by {@link Session}. */
    private final class Binds implements SmppServerHandler {
        @Override
        @SuppressWarnings("rawtypes") // the interface takes the raw BaseBind
        public void sessionBindRequested(Long sessionId, SmppSessionConfiguration config, BaseBind request)
                throws SmppProcessingException {
            int status = !systemId.equals(request.getSystemId()) ? SmppConstants.STATUS_INVSYSID
                    : !password.equals(request.getPassword()) ? SmppConstants.STATUS_INVPASWD
                    : SmppConstants.STATUS_OK;
            binds.add(new Bind(request.getSystemId(), config.getType(), request.getInterfaceVersion(), status));
            if (status != SmppConstants.STATUS_OK) {
                throw new SmppProcessingException(status);
            }
            config.setName("ch-smsc-session-" + sessionId);
        }

        @Override
        public void sessionCreated(Long sessionId, SmppServerSession session, BaseBindResp response) {
            session.serverReady(new Session(session));
            sessions.add(session);
        }

        @Override
        public void sessionDestroyed(Long sessionId, SmppServerSession session) {
            sessions.remove(session);
            session.destroy();
        }
    }

    /** One bound session: answers the gateway's requests and counts the answers to its own. */
    private final class Session extends DefaultSmppSessionHandler {
        private final SmppServerSession session;

        Session(SmppServerSession session) {
            this.session = session;
        }

        @Override
        @SuppressWarnings("rawtypes") // the interface takes the raw PduRequest
        public PduResponse firePduRequestReceived(PduRequest request) {
            if (request instanceof SubmitSm submit) {
                accept(session, submit);
                return null; // already written
            }
            if (request instanceof EnquireLink) {
                enquireLinks.incrementAndGet();
            } else if (request instanceof Unbind) {
                unbinds.incrementAndGet();
            }
            return request.createResponse();
        }

        @Override
        public boolean firePduReceived(Pdu pdu) {
            if (pdu instanceof UnbindResp) {
                unbindResponses.add(pdu.getCommandStatus());
            }
            return true;
        }

        @Override
        public void fireExpectedPduResponseReceived(PduAsyncResponse response) {
            Object reference = response.getRequest().getReferenceObject();
            int status = response.getResponse().getCommandStatus();
            if (reference instanceof MoAnswers answers) {
                answers.answered(status);
            } else if (reference == RECEIPT) {
                receiptResponses.merge(status, 1, Integer::sum);
            }
        }

        @Override
        @SuppressWarnings("rawtypes") // the interface takes the raw PduRequest
        public void firePduRequestExpired(PduRequest request) {
            if (request.getReferenceObject() instanceof MoAnswers answers) {
                answers.expired(request.toString());
            } else if (request.getReferenceObject() == RECEIPT) {
                receiptResponses.merge(-1, 1, Integer::sum);
            }
        }
    }
}
