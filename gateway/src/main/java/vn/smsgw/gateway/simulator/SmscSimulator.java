package vn.smsgw.gateway.simulator;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jsmpp.session.SMPPServerSession;

/*
 * Design. The simulator plays a real SMSC towards an ESME over real sockets, on jsmpp's server side:
 * - SessionAcceptor accepts binds (credentials checked) into a SessionRegistry; several binds of any type at once.
 * - An injection (MoInjection) draws MO from a source, encodes each one as a real SMSC would (GSM 03.38 or UCS-2,
 *   concatenated by UDH or SAR) and sends them with a window of deliver_sm in flight (DeliveryLane). A deliver_sm counts
 *   as delivered only on ESME_ROK; temporary errors, missing responses and lost connections lead to redelivery.
 * - SubmitSmListener answers submit_sm with hex ids and records them; receipts go out on a second lane after the
 *   submit_sm_resp has been written, with the same redelivery.
 * - Faults (FaultState) are decided by shared counters; the two that act on the wire live in FaultyPduSender.
 * Time: receipt dates come from the Clock, pacing and retry delays from the nanosecond ticker.
 */
/** An SMSC simulator on a TCP port: binds, MO injection, submit_sm answers, delivery receipts and faults. */
public final class SmscSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final LongSupplier ticker;
    private final SessionRegistry registry = new SessionRegistry();
    private final FaultState faults;
    private final MoEncoder encoder;
    private final SubmitSmListener submits;
    private final SessionAcceptor acceptor;
    private final DeliveryCounters moCounters = new DeliveryCounters();
    private final DeliveryCounters receiptCounters = new DeliveryCounters();
    private final DeliveryLane receiptLane;
    private final List<MoInjection> injections = new CopyOnWriteArrayList<>();
    private final AtomicInteger injectionNumber = new AtomicInteger();
    private volatile int port = -1;

    /** A simulator with the system clock; call {@link #start()}. */
    public SmscSimulator(SimulatorConfig config) {
        this(config, Clock.systemDefaultZone(), System::nanoTime);
    }

    /**
     * A simulator whose receipt dates come from {@code clock} and whose pacing and retry delays come from
     * {@code nanoTicker} (monotonic nanoseconds, like {@link System#nanoTime()}).
     */
    public SmscSimulator(SimulatorConfig config, Clock clock, LongSupplier nanoTicker) {
        this.config = config;
        this.ticker = nanoTicker;
        this.faults = new FaultState(config.faults());
        this.encoder = new MoEncoder(config.concatenation());
        this.submits = new SubmitSmListener(faults,
                new Receipts(clock, config.receiptIdFormat(), config.receiptTlvs()), registry, config, nanoTicker);
        this.acceptor = new SessionAcceptor(config, registry, submits, faults);
        this.receiptLane = new DeliveryLane(
                new LaneSettings("smsc-sim-dlr", config.dlrWindow(), 0, config.responseTimeout(),
                        config.retryDelay(), config.maxAttempts(), nanoTicker),
                new ReceiptFeed(), registry, receiptCounters);
        submits.sendReceiptsOn(receiptLane);
    }

    /** Opens the server socket and starts accepting binds; returns this. */
    public SmscSimulator start() throws IOException {
        receiptLane.start();
        port = acceptor.start();
        return this;
    }

    /** The TCP port listened on (the ephemeral one when configured with 0); -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** The settings this simulator runs with. */
    public SimulatorConfig config() {
        return config;
    }

    /**
     * Starts sending up to {@code count} MO from {@code source} to the bound receivers (waiting for one if none is
     * bound), with up to {@link SimulatorConfig#window()} deliver_sm in flight at {@link SimulatorConfig#moRate()}; returns at
     * once with the running injection.
     */
    public MoInjection inject(MoSource source, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0: " + count);
        }
        LaneSettings lane = new LaneSettings("smsc-sim-mo" + injectionNumber.incrementAndGet(), config.window(),
                config.moRate(), config.responseTimeout(), config.retryDelay(), config.maxAttempts(), ticker);
        MoInjection injection = new MoInjection(source, count, encoder, faults, lane, registry, moCounters);
        injections.add(injection);
        injection.start();
        return injection;
    }

    /** {@link #inject(MoSource, long)} of all these messages. */
    public MoInjection inject(List<MoMessage> messages) {
        return inject(MoSource.of(List.copyOf(messages)), messages.size());
    }

    /** Current counters. */
    public SimulatorStats stats() {
        long duplicates = 0;
        for (MoInjection injection : injections) {
            duplicates += injection.duplicatesSent();
        }
        return new SimulatorStats(registry.size(), acceptor.binds.sum(), acceptor.bindsRejected.sum(),
                moCounters.snapshot(), duplicates, submits.stats(), receiptCounters.snapshot());
    }

    /**
     * MO deliver_sm acknowledgement latency as this side sees it: written until its ESME_ROK deliver_sm_resp was
     * read, redeliveries each counted on their own; {@link AckLatencies#reset()} starts a new measurement.
     */
    public AckLatencies moAckLatencies() {
        return moCounters.ackLatencies;
    }

    /**
     * Calls {@code observer} with every submit_sm from now on, on the session's PDU thread before it is answered;
     * the observer must be quick and thread-safe. Replaces any previous observer.
     */
    public void onSubmit(Consumer<ReceivedSubmit> observer) {
        submits.observe(observer);
    }

    /** The submit_sm received so far, oldest first, up to {@link SimulatorConfig#receivedLogCapacity()}. */
    public List<ReceivedSubmit> received() {
        return submits.received();
    }

    /** submit_sm received so far (all of them, whatever the log keeps). */
    public long submitCount() {
        return submits.stats().received();
    }

    /** Every bind accepted so far, with its system_id, system_type and address_range, in order. */
    public List<BindSeen> bindsSeen() {
        return List.copyOf(acceptor.accepted);
    }

    /** Sessions bound right now. */
    public int boundSessions() {
        return registry.size();
    }

    /** Closes every connection without an unbind, as a network failure would; returns how many were open. */
    public int dropConnections() {
        List<SMPPServerSession> sessions = List.copyOf(acceptor.openSessions());
        sessions.forEach(SMPPServerSession::close);
        return sessions.size();
    }

    /** Stops the injections and the receipts, unbinds every session and closes the server socket. */
    @Override
    public void close() throws IOException {
        injections.forEach(MoInjection::close);
        receiptLane.close();
        acceptor.close();
        try {
            for (MoInjection injection : injections) {
                injection.join(1_000);
            }
            receiptLane.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Receipts enter the lane only through {@link DeliveryLane#schedule}; the lane runs until closed. */
    private static final class ReceiptFeed implements DeliveryFeed {

        @Override
        public Delivery poll() {
            return null;
        }

        @Override
        public boolean finished() {
            return false;
        }

        @Override
        public void acked(Delivery delivery) {
            // counted by the lane
        }

        @Override
        public void rejected(Delivery delivery, int status) {
            // counted by the lane
        }

        @Override
        public void givenUp(Delivery delivery) {
            // counted by the lane
        }
    }
}
