package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.jsmpp.SMPPConstant;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.WriterPriority;

/*
 * One SMPP session kept bound. Each attempt builds a fresh SMPPSession (a session object is never reused), sets its
 * threads, queue and timers while it is still closed, and registers the MO listener and its state listener before
 * connectAndBind, because an SMSC may send deliver_sm in the same segment as the bind_resp. Its connection holds
 * back the end of the stream until connectAndBind has returned (see TunedConnectionFactory), because an SMSC may
 * close the connection right after refusing the bind.
 *
 * jsmpp calls the state listener on its own threads (reader, PDU pool, enquire_link sender); it only records the loss
 * and schedules the reconnect on the scheduler, never closes or connects inline. Connects run on the scheduler,
 * one at a time per bind. An attempt ends exactly once, either from connectAndBind failing or from the state
 * listener after the bind; `over` decides which. The Bind monitor guards state changes and scheduling only; no jsmpp
 * call is made while holding it.
 *
 * Delays: after a bound session is lost, the first reconnect waits between the backoff minimum and twice it (see
 * Backoff); each failed attempt doubles the cap. A session lost before it stayed bound for the backoff maximum
 * counts as one more failure, so an SMSC that takes the bind and drops it at once is retried ever more slowly, not
 * at the minimum forever. Refused credentials (ESME_RBINDFAIL, ESME_RINVPASWD, ESME_RINVSYSID) wait the slow
 * authentication interval and are logged at ERROR once per change; ESME_RALYBND (the SMSC still holds the previous
 * bind after a network blip, until its own timers notice) waits at least eight times the minimum.
 */
/** One SMPP session to an SMSC, reconnected with backoff whenever it is lost. Thread-safe. */
final class Bind {

    private static final Logger log = LoggerFactory.getLogger(Bind.class);
    /** The retry whose backoff cap (eight times the minimum) an ESME_RALYBND waits for at least. */
    private static final int ALREADY_BOUND_MIN_RETRY = 2;

    private final SmscConfig config;
    private final String name;
    private final BindType type;
    private final MessageReceiverListener listener;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final DoubleSupplier random;
    private final Clock clock;
    private final BindMeters meters;
    private final AtomicLong reconnects = new AtomicLong();
    private volatile BindStatus status;
    private volatile Attempt current;
    private volatile boolean stopped;
    private int failures;
    private int lastRefusal;
    private Instant boundAt;

    /** The parts of a bind that the sessions of one SMSC share. */
    record Shared(SmscConfig config, MessageReceiverListener listener, ScheduledExecutorService scheduler,
            Clock clock, DoubleSupplier random) {
    }

    Bind(Shared shared, String name, BindType type, BindMeters meters) {
        this.config = shared.config();
        this.name = name;
        this.type = type;
        this.listener = shared.listener();
        this.scheduler = shared.scheduler();
        this.clock = shared.clock();
        this.random = shared.random();
        this.backoff = new Backoff(config.reconnectMin(), config.reconnectMax(), random);
        this.meters = meters;
        this.status = new BindStatus(config.name(), name, BindState.CONNECTING, clock.instant(), "", 0);
        meters.register(this);
    }

    String name() {
        return name;
    }

    BindStatus status() {
        return status;
    }

    /** Schedules the first connect at once. */
    void start() {
        schedule(Duration.ZERO);
    }

    /** The session when it is bound and can submit (transceiver or transmitter). */
    Optional<PipelinedSmppSession> transmitter() {
        Attempt attempt = current;
        if (attempt == null || status.state() != BindState.BOUND) {
            return Optional.empty();
        }
        SessionState state = attempt.session.getSessionState();
        return state.isTransmittable() ? Optional.of(attempt.session) : Optional.empty();
    }

    /** Stops reconnecting: the session, if bound, is unbound and closed; called once the scheduler is stopped. */
    void stop() {
        stopped = true;
        Attempt attempt = current;
        if (attempt != null) {
            if (attempt.session.getSessionState().isBound()) {
                attempt.unbindAndClose();
            } else {
                attempt.session.close();
            }
        }
        synchronized (this) {
            moveTo(BindState.STOPPED, status.lastError());
        }
    }

    /** Marks the bind stopped so that no attempt schedules another; the session stays as it is. */
    void stopReconnecting() {
        stopped = true;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        Attempt previous = current;
        if (previous != null) {
            previous.session.close(); // normally closed already; closing again is a no-op
        }
        TunedConnectionFactory connections = new TunedConnectionFactory(config.connectTimeout(), config.bindTimeout());
        Attempt attempt = new Attempt(newSession(connections));
        current = attempt;
        synchronized (this) {
            moveTo(BindState.CONNECTING, status.lastError());
        }
        meters.attempted();
        try {
            attempt.session.connectAndBind(config.host(), config.port(), bindParameter(),
                    config.bindTimeout().toMillis());
        } catch (IOException | RuntimeException | Error e) {
            // any failure, not only I/O (a thread jsmpp cannot start: an Error), ends in a scheduled reconnect;
            // escaping the scheduler's task, it would end this bind's attempts for good
            attempt.failed(e);
            return;
        } finally {
            connections.bindDone();
        }
        attempt.bound();
    }

    private PipelinedSmppSession newSession(TunedConnectionFactory connections) {
        PipelinedSmppSession session = new PipelinedSmppSession(
                new SynchronizedPDUSender(new DeferredDeliverSmResp(new CorkingWriter(answerWriter(),
                        connections::output))), new GuardedPduReader(),
                connections);
        session.setPduProcessorDegree(config.pduProcessorDegree());
        session.setQueueCapacity(config.queueCapacity());
        session.setTransactionTimer(config.transactionTimeout().toMillis());
        session.setEnquireLinkTimer((int) config.enquireLinkInterval().toMillis());
        session.setMessageReceiverListener(listener);
        return session;
    }

    /**
     * The thread that writes this session's deferred MO answers: one per session, so that a peer that stops reading
     * holds up only its own answers; it ends after 10 s idle, so a closed session leaves nothing behind. The answers
     * due together leave in a few writes ({@link CorkingWriter}).
     */
    private ThreadPoolExecutor answerWriter() {
        String threadName = "smsgw-mo-answers-" + config.name() + "-" + name;
        ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, threadName);
                    t.setDaemon(true);
                    // created by whichever thread hands it an answer first, often intake's writer
                    WriterPriority.keepNormal(t);
                    return t;
                });
        writer.allowCoreThreadTimeOut(true);
        return writer;
    }

    private BindParameter bindParameter() {
        return new BindParameter(type, config.systemId(), config.password(), config.systemType(),
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                config.addressRange().isEmpty() ? null : config.addressRange(), InterfaceVersion.IF_34);
    }

    private void schedule(Duration delay) {
        if (stopped) {
            return;
        }
        try {
            scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("smsc {} bind {}: no reconnect, the sessions are closing", config.name(), name);
        }
    }

    /** Records a new state; callers hold the monitor. */
    private void moveTo(BindState state, String error) {
        status = new BindStatus(config.name(), name, state, clock.instant(), error, reconnects.get());
    }

    private synchronized void onBound() {
        lastRefusal = 0; // the failures in a row end only once the session has lasted (onLost)
        boundAt = clock.instant();
        moveTo(BindState.BOUND, "");
        log.info("smsc {} bind {}: bound as {} to {}:{}", config.name(), name, type, config.host(), config.port());
    }

    private synchronized void onLost(String reason) {
        if (stopped) {
            moveTo(BindState.STOPPED, status.lastError());
            return;
        }
        reconnects.incrementAndGet();
        meters.reconnected();
        boolean lasted = boundAt != null && !clock.instant().isBefore(boundAt.plus(config.reconnectMax()));
        failures = lasted ? 0 : failures + 1;
        boundAt = null;
        Duration delay = backoff.delay(failures);
        moveTo(BindState.BACKOFF, reason);
        log.warn("smsc {} bind {}: {}; reconnecting in {} ms", config.name(), name, reason, delay.toMillis());
        schedule(delay);
    }

    private synchronized void onFailed(Throwable e) {
        if (stopped) {
            moveTo(BindState.STOPPED, status.lastError());
            return;
        }
        failures++;
        int refusal = refusal(e);
        String error = refusal != 0 ? String.format("bind refused with 0x%02X", refusal)
                : e instanceof IOException ? String.valueOf(e.getMessage()) : e.toString();
        if (isAuthentication(refusal)) {
            Duration delay = Duration.ofMillis((long) (config.authFailureBackoff().toMillis()
                    * (1 + 0.1 * random.getAsDouble())));
            if (refusal != lastRefusal) {
                log.error("smsc {} bind {}: the SMSC refused the credentials of system_id {} ({}); check them;"
                        + " retrying every {} ms", config.name(), name, config.systemId(), error,
                        config.authFailureBackoff().toMillis());
            } else {
                log.debug("smsc {} bind {}: credentials refused again ({})", config.name(), name, error);
            }
            lastRefusal = refusal;
            moveTo(BindState.AUTH_FAILED, error);
            schedule(delay);
            return;
        }
        lastRefusal = refusal;
        int retry = failures - 1;
        Duration delay = refusal == SMPPConstant.STAT_ESME_RALYBND
                ? backoff.delayAtLeast(retry, backoff.cap(ALREADY_BOUND_MIN_RETRY))
                : backoff.delay(retry);
        moveTo(BindState.BACKOFF, error);
        if (Integer.bitCount(failures) == 1) { // 1st, 2nd, 4th, 8th... failure in a row
            log.warn("smsc {} bind {}: bind failed {} time(s) in a row: {}; retrying in {} ms", config.name(), name,
                    failures, error, delay.toMillis());
        } else {
            log.debug("smsc {} bind {}: bind failed: {}; retrying in {} ms", config.name(), name, error,
                    delay.toMillis());
        }
        schedule(delay);
    }

    private static boolean isAuthentication(int refusal) {
        return refusal == SMPPConstant.STAT_ESME_RBINDFAIL
                || refusal == SMPPConstant.STAT_ESME_RINVPASWD
                || refusal == SMPPConstant.STAT_ESME_RINVSYSID;
    }

    /** The command_status of a refused bind, 0 for any other failure. */
    private static int refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NegativeResponseException negative) {
                return negative.getCommandStatus();
            }
        }
        return 0;
    }

    /** One connect-and-bind and the life of its session; ends exactly once. */
    private final class Attempt implements SessionStateListener {
        final PipelinedSmppSession session;
        private final CountDownLatch closed = new CountDownLatch(1);
        private final AtomicBoolean unbinding = new AtomicBoolean();
        private volatile boolean bound;
        private boolean over;

        Attempt(PipelinedSmppSession session) {
            this.session = session;
            session.addSessionStateListener(this);
        }

        @Override
        public void onStateChange(SessionState newState, SessionState oldState, Session source) {
            if (newState == SessionState.CLOSED) {
                closed.countDown();
            }
            if (bound && (newState == SessionState.CLOSED || newState == SessionState.UNBOUND)) {
                lost(newState == SessionState.UNBOUND ? "unbound" : "connection lost");
            }
        }

        void bound() {
            bound = true;
            boolean stillBound = session.getSessionState().isBound();
            if (stopped) {
                unbindAndClose();
                return;
            }
            if (!stillBound) {
                lost("connection lost right after the bind");
                return;
            }
            synchronized (Bind.this) {
                if (!over) {
                    onBound();
                }
            }
        }

        /**
         * Unbinds and closes; returns once the unbind_resp arrived or the connection closed, whichever is first. An
         * SMSC that closes the connection right after its unbind_resp can make jsmpp drop that response (its reader
         * closes the session before a PDU pool thread handles the response); jsmpp's unbind would then wait the whole
         * transaction timeout, so it runs on its own thread and is left to time out there.
         */
        void unbindAndClose() {
            // once: at shutdown both the stop and a bind that completes at that moment may get here
            if (unbinding.compareAndSet(false, true)) {
                Thread unbind = new Thread(session::unbindAndClose, "smpp-" + config.name() + "-" + name + "-unbind");
                unbind.setDaemon(true);
                unbind.start();
            }
            try {
                if (!closed.await(config.transactionTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                    log.warn("smsc {} bind {}: still open {} after the unbind; closing", config.name(), name,
                            config.transactionTimeout().plusSeconds(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            session.close();
        }

        void failed(Throwable e) {
            synchronized (Bind.this) {
                if (end()) {
                    onFailed(e);
                }
            }
        }

        private void lost(String reason) {
            synchronized (Bind.this) {
                if (end()) {
                    onLost(reason);
                }
            }
        }

        /** True the first time only; callers hold the Bind monitor. */
        private boolean end() {
            if (over) {
                return false;
            }
            over = true;
            return true;
        }
    }
}
