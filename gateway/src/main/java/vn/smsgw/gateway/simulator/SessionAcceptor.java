package vn.smsgw.gateway.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.SMPPConstant;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.connection.socket.SocketConnection;
import vn.smsgw.gateway.smpp.CorkableOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * jsmpp's SMPPServerSessionListener builds each session with its default PDU writer; building the sessions here
 * instead lets every one write through FaultyPduSender and send deliver_sm without a waiting thread
 * (PipelinedServerSession), and sets TCP_NODELAY on the accepted sockets.
 */
/** Accepts connections, waits for their bind, checks the credentials and registers the bound sessions. */
final class SessionAcceptor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionAcceptor.class);
    private static final int BIND_TIMEOUT_MILLIS = 5_000;
    private static final int ENQUIRE_LINK_MILLIS = 30_000;
    private static final long REJECTED_GRACE_MILLIS = 2_000;
    static final String SMSC_SYSTEM_ID = "smsgw-sim";

    private final SimulatorConfig config;
    private final SessionRegistry registry;
    private final SubmitSmListener submits;
    private final FaultState faults;
    private final Set<SMPPServerSession> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService binders = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smsc-sim-bind-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    final LongAdder binds = new LongAdder();
    final LongAdder bindsRejected = new LongAdder();
    /** The binds accepted, in order. */
    final List<BindSeen> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private volatile boolean closed;

    SessionAcceptor(SimulatorConfig config, SessionRegistry registry, SubmitSmListener submits, FaultState faults) {
        this.config = config;
        this.registry = registry;
        this.submits = submits;
        this.faults = faults;
    }

    /** Binds the server socket and starts accepting; returns the local port. */
    int start() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(config.host(), config.port()), 200);
        Thread acceptor = new Thread(this::acceptLoop, "smsc-sim-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    /** Sessions with an open connection, bound or not. */
    Set<SMPPServerSession> openSessions() {
        return Set.copyOf(open);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (server != null) {
            server.close();
        }
        binders.shutdownNow();
        for (SMPPServerSession session : open) {
            session.unbindAndClose();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                binders.execute(() -> bind(socket));
            } catch (SocketException e) {
                if (!closed) {
                    log.warn("Accepting stopped: {}", e.getMessage());
                }
                return;
            } catch (IOException e) {
                log.warn("Accept failed: {}", e.getMessage());
            }
        }
    }

    private void bind(Socket socket) {
        PipelinedServerSession session;
        try {
            SocketConnection connection = new SocketConnection(socket) {
                // a lane's sender corks it around a run of deliver_sm (DeliveryLane)
                private final CorkableOutput out = new CorkableOutput(super.getOutputStream());

                @Override
                public java.io.OutputStream getOutputStream() {
                    return out;
                }
            };
            session = new PipelinedServerSession(connection, (newState, oldState, source) -> {
                if (newState == SessionState.CLOSED || newState == SessionState.UNBOUND) {
                    registry.remove(source);
                }
                if (newState == SessionState.CLOSED) {
                    open.remove(source);
                }
            }, submits, submits, config.pduProcessorDegree(), config.queueCapacity(),
                    new SynchronizedPDUSender(new FaultyPduSender(faults, socket)), new DefaultPDUReader());
        } catch (IOException e) {
            log.warn("Cannot open a session: {}", e.getMessage());
            return;
        }
        open.add(session);
        session.setTransactionTimer(config.responseTimeout().toMillis());
        session.setEnquireLinkTimer(ENQUIRE_LINK_MILLIS);
        try {
            BindRequest request = session.waitForBind(BIND_TIMEOUT_MILLIS);
            int refusal = refusal(request);
            if (refusal != SMPPConstant.STAT_ESME_ROK) {
                bindsRejected.increment();
                log.info("Bind {} of system_id {} rejected with 0x{}", request.getBindType(), request.getSystemId(),
                        Integer.toHexString(refusal));
                request.reject(refusal);
                closeWhenPeerHasRead(session);
                return;
            }
            request.accept(SMSC_SYSTEM_ID, InterfaceVersion.IF_34);
            accepted.add(new BindSeen(request.getBindType().name(), request.getSystemId(),
                    Objects.requireNonNullElse(request.getSystemType(), ""),
                    Objects.requireNonNullElse(request.getAddressRange(), "")));
            registry.add(new BoundSession(session, request.getSystemId(), request.getBindType()));
            if (!session.getSessionState().isBound()) {
                registry.remove(session);
            }
            binds.increment();
            log.info("Bound {} for system_id {} from {}", request.getBindType(), request.getSystemId(),
                    socket.getRemoteSocketAddress());
        } catch (TimeoutException e) {
            log.info("No bind within {} ms from {}", BIND_TIMEOUT_MILLIS, socket.getRemoteSocketAddress());
            session.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
        } catch (Exception e) {
            log.warn("Bind failed: {}", e.toString());
            session.close();
        }
    }

    /*
     * Closing right after the negative bind_resp can make a jsmpp ESME miss it: its reader sees EOF and closes the
     * session before its PDU thread has handled the response. The ESME closes on a refused bind anyway; give it
     * that chance before closing from this side.
     */
    private static void closeWhenPeerHasRead(SMPPServerSession session) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REJECTED_GRACE_MILLIS);
        while (session.getSessionState() != SessionState.CLOSED && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        session.close();
    }

    private int refusal(BindRequest request) {
        if (!config.systemId().isEmpty() && !config.systemId().equals(request.getSystemId())) {
            return SMPPConstant.STAT_ESME_RINVSYSID;
        }
        if (!config.password().isEmpty() && !config.password().equals(request.getPassword())) {
            return SMPPConstant.STAT_ESME_RINVPASWD;
        }
        return SMPPConstant.STAT_ESME_ROK;
    }
}
