package vn.smsgw.gateway.smpp;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BindType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Sizing. jsmpp runs the DeliverSmListener on pduProcessorDegree threads per session. The listener does not hold
 * its thread while intake commits: it hands the answer to the session's DeferredDeliverSmResp, which writes the
 * deliver_sm_resp when the commit is done, so the MO in flight are bounded by the SMSC's window and intake's queue,
 * not by the degree. Since no listener call waits, a few threads do: every thread more is one more for the
 * scheduler to wake for a PDU and to run beside intake's writer, the MO path's one serial step, which waits for a
 * core about as long as it runs (waiting 4.1 s and running 4.0 s of 10, /proc schedstat during bench inbound).
 * Degree 2 against 64, five pairs of `bench inbound --side gateway --count 400000 --warmup-percent 50` taken in
 * turn (with its receipt window then of 50, under which receipts fell behind): a mean of 7,531 MO/s against 6,885,
 * higher in four pairs; degree 1 gave 7,915 and 8,265 against 7,507 and 7,685 for degree 2, within the spread. Two
 * keep a spare thread should one call be slow (a first class load, a log write). The answers are written by one
 * thread per session (smsgw-mo-answers-SMSC-BIND), so a peer that stops reading holds up only its own session's
 * answers, never another bind's or intake's commits. The receive queue (queueCapacity) must hold the SMSC's
 * deliver_sm window plus this side's own submit window plus enquire_links, or jsmpp answers the overflow
 * ESME_RTHROTTLED by itself; the default 1,000 covers windows of some hundreds. With degree above 1 jsmpp does not
 * keep the order of deliver_sm, which does not matter here: parts are keyed and joined by intake, and intake
 * recognises redeliveries.
 *
 * Every bind reconnects on its own (Bind) on a small scheduler shared by the binds of this SMSC; a connect blocks
 * its scheduler thread for at most the connect plus the bind timeout.
 */
/**
 * The SMPP sessions to one SMSC: {@link SmscConfig#binds()} logical binds, each a transceiver or a receiver plus a
 * transmitter, kept bound by reconnecting with backoff, all receiving MO through one {@link DeliverSmListener}.
 * Thread-safe. {@link #start()} once, {@link #close()} once.
 */
public final class SmppSessions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppSessions.class);

    private final SmscConfig config;
    private final DeliverSmListener listener;
    private final ScheduledThreadPoolExecutor scheduler;
    private final List<Bind> binds = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    /**
     * Sessions to the SMSC of {@code config} that hand MO to {@code sinks}; meters go to {@code meters}, receive and
     * state times come from {@code clock}. Not connected until {@link #start()}.
     */
    public SmppSessions(SmscConfig config, MoSinks sinks, MeterRegistry meters, Clock clock) {
        this.config = config;
        this.listener = new DeliverSmListener(config, sinks, meters, clock, true);
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = new ScheduledThreadPoolExecutor(Math.min(config.binds() * sessionsPerBind(config), 4), r -> {
            Thread thread = new Thread(r, "smpp-" + config.name() + "-connect-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setRemoveOnCancelPolicy(true);
        Bind.Shared shared = new Bind.Shared(config, listener, scheduler, clock,
                () -> ThreadLocalRandom.current().nextDouble());
        BindMeters bindMeters = new BindMeters(meters, config.name());
        for (int i = 0; i < config.binds(); i++) {
            if (config.bindMode() == BindMode.TRX) {
                binds.add(new Bind(shared, "trx-" + i, BindType.BIND_TRX, bindMeters));
            } else {
                binds.add(new Bind(shared, "rx-" + i, BindType.BIND_RX, bindMeters));
                binds.add(new Bind(shared, "tx-" + i, BindType.BIND_TX, bindMeters));
            }
        }
    }

    private static int sessionsPerBind(SmscConfig config) {
        return config.bindMode() == BindMode.TRX ? 1 : 2;
    }

    /** Starts connecting every session; returns at once. */
    public SmppSessions start() {
        log.info("smsc {}: opening {} {} bind(s) to {}:{}", config.name(), config.binds(), config.bindMode(),
                config.host(), config.port());
        binds.forEach(Bind::start);
        return this;
    }

    /** The SMSC's name. */
    public String smsc() {
        return config.name();
    }

    /** A snapshot of every session, in bind order. */
    public List<BindStatus> states() {
        return binds.stream().map(Bind::status).toList();
    }

    /** Sessions bound now. */
    public int boundCount() {
        return (int) binds.stream().filter(b -> b.status().isBound()).count();
    }

    /**
     * A bound session that can submit, taken round-robin over the bound transceivers or transmitters; empty when
     * none is bound. jsmpp sessions may be used by several threads at once.
     */
    public Optional<PipelinedSmppSession> anyBound() {
        int n = binds.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Optional<PipelinedSmppSession> session = binds.get((start + i) % n).transmitter();
            if (session.isPresent()) {
                return session;
            }
        }
        return Optional.empty();
    }

    /** The session of the bind called {@code bind} ({@code trx-0}, {@code tx-1}, ...) when it is bound and can submit. */
    public Optional<PipelinedSmppSession> transmitter(String bind) {
        return binds.stream().filter(b -> b.name().equals(bind)).findFirst().flatMap(Bind::transmitter);
    }

    /**
     * Stops reconnecting, answers new MO with a temporary error (the SMSC redelivers it later) while the MO in
     * progress finish, then unbinds and closes every session. A connect-and-bind still in progress has its socket
     * closed with the others ({@link Bind#stop}) and is not waited for before the unbinds: it ends by itself within
     * the bind timeout, which jsmpp waits out even on a closed socket, and is waited for after them.
     */
    @Override
    public void close() {
        binds.forEach(Bind::stopReconnecting);
        scheduler.shutdown();
        try {
            if (!listener.drain(config.commitTimeout().plusSeconds(1))) {
                log.warn("smsc {}: {} MO still in progress at close; the SMSC will redeliver them", config.name(),
                        listener.inFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopAll();
        try {
            long wait = config.connectTimeout().plus(config.bindTimeout()).toMillis();
            if (!scheduler.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
                log.warn("smsc {}: a connect did not finish within {} ms", config.name(), wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long refused = listener.refusedWhileClosing();
        if (refused > 0) {
            log.info("smsc {}: {} deliver_sm answered ESME_RX_T_APPN while closing; the SMSC delivers them again",
                    config.name(), refused);
        }
        log.info("smsc {}: sessions closed", config.name());
    }

    /**
     * Stops every bind at once: an SMSC that does not answer unbind costs each bind its transaction timeout, which
     * one bind after another would add up beyond a service manager's stop timeout.
     */
    private void stopAll() {
        Map<String, Runnable> steps = new LinkedHashMap<>();
        for (Bind b : binds) {
            steps.put("smpp-" + config.name() + "-" + b.name() + "-stop", b::stop);
        }
        AtOnce.run(steps);
    }

    /** The transmitting side of bind {@code bind}, as a submitter sends through it. */
    public SubmitSession submitSession(String bind) {
        return new BindSubmitSession(this, bind);
    }

    private record BindSubmitSession(SmppSessions sessions, String bind) implements SubmitSession {
        @Override
        public String name() {
            return sessions.smsc() + "/" + bind;
        }

        @Override
        public String smsc() {
            return sessions.smsc();
        }

        @Override
        public Optional<PipelinedSmppSession> bound() {
            return sessions.transmitter(bind);
        }
    }
}
