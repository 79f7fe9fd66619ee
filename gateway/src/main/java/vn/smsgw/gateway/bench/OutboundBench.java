package vn.smsgw.gateway.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUSender;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SubmitSmCommandTask;
import vn.smsgw.dispatch.Dispatch;
import vn.smsgw.dispatch.DispatchSettings;
import vn.smsgw.dispatch.outbound.InMemoryOutboundQueue;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.outbound.JdbcOutbox;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundQueue;
import vn.smsgw.dispatch.outbound.OutboundSms;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.store.SqliteSync;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;
import vn.smsgw.gateway.smpp.BindStatus;
import vn.smsgw.gateway.smpp.MoSinks;
import vn.smsgw.gateway.smpp.ReceiptHandler;
import vn.smsgw.gateway.smpp.SmppSessions;
import vn.smsgw.gateway.smpp.SmscConfig;
import vn.smsgw.gateway.smpp.Submitter;
import vn.smsgw.gateway.smpp.SubmitterConfig;

/*
 * Each side gets a fresh simulator (receipts on, no delay) and sends the same number of messages with the same
 * window: a bare jsmpp loop (per bind, one thread writing submit_sm without waiting for the responses, up to the
 * window in flight, as the Submitter does; receipts acknowledged and dropped), then the
 * project's Submitter draining a queue filled beforehand (SQLite with full sync, or in memory), TPS unlimited,
 * receipts applied to the queue by ReceiptHandler. The rate is submit_sm received by the simulator after the first
 * 10 %; for the submitter, "settled" is the time until every message is SUBMITTED or DELIVERED in the queue and
 * "delivered" the time until every receipt is applied.
 */
/** {@code smsgw bench outbound}: submit_sm/s of a bare jsmpp loop and of the Submitter against the simulator. */
final class OutboundBench {

    /** The settings of one run. */
    record Settings(int count, int window, int binds, Lane lane, Duration max) {
    }

    /** What one side measured. */
    record Result(String who, SteadyRate submits, double settledSeconds, double deliveredSeconds, long delivered) {
    }

    private static final String BODY = "Cam on ban da phan anh. Bo TT&TT da tiep nhan va se xu ly so dien thoai ban "
            + "bao cao. Ma: ";

    private OutboundBench() {
    }

    static Result bare(Settings s) throws Exception {
        try (SmscSimulator smsc = new SmscSimulator(simulator(s)).start()) {
            List<BareSession> sessions = new ArrayList<>();
            try {
                for (int i = 0; i < s.binds(); i++) {
                    sessions.add(BareSession.bind(smsc.port(), 2, s.window() * 4 + 200));
                }
                AtomicLong next = new AtomicLong();
                List<PipelinedWindow> windows = new ArrayList<>();
                CountDownLatch done = new CountDownLatch(s.binds());
                for (int i = 0; i < s.binds(); i++) {
                    PipelinedWindow window = new PipelinedWindow(sessions.get(i).session(), s.window());
                    windows.add(window);
                    Thread t = new Thread(() -> {
                        try {
                            for (long n = next.getAndIncrement(); n < s.count(); n = next.getAndIncrement()) {
                                while (!window.takePlace(10)) {
                                    // a place frees when a response comes or times out
                                }
                                long message = n;
                                window.submit(sender -> submit(sender, message));
                            }
                            window.awaitAllAnswered(s.max().toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    }, "bench-bare-submit-" + i);
                    t.setDaemon(true);
                    t.start();
                }
                SteadyRate rate = SteadyRate.measure(smsc::submitCount, s.count(), 0.1, s.max(), () -> { });
                done.await();
                long deadline = System.nanoTime() + s.max().toNanos();
                long failed = windows.stream().mapToLong(PipelinedWindow::failed).sum();
                while (smsc.stats().receipts().acked() < s.count() - failed && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                return new Result("bare jsmpp" + (failed > 0 ? " (" + failed + " failed)" : ""), rate,
                        0, 0, 0);
            } finally {
                sessions.forEach(BareSession::close);
            }
        }
    }

    private static SubmitSmCommandTask submit(PDUSender sender, long n) {
        return new SubmitSmCommandTask(sender, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "5656",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination(n), new ESMClass(), (byte) 0,
                (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                DataCodings.ZERO, (byte) 0, (BODY + n).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String destination(long n) {
        return Long.toString(84_920_000_000L + n);
    }

    static Result sqlite(Settings s) throws Exception {
        try (BenchStore store = BenchStore.sqlite(SqliteSync.FULL)) {
            List<OutboundSms> messages = messages(s);
            for (int i = 0; i < messages.size(); i += 10_000) {
                List<OutboundSms> chunk = messages.subList(i, Math.min(messages.size(), i + 10_000));
                store.database().inTransaction(tx -> {
                    new JdbcOutbox().enqueue(tx, chunk);
                    return null;
                });
            }
            try (Dispatch dispatch = Dispatch.open(store.database(), DispatchSettings.defaults("bench-reporter-hash-key"),
                    Clock.systemUTC())) {
                return drain("smsgw Submitter, SQLite", s, new JdbcOutboundQueue(store.database(), Clock.systemUTC()),
                        dispatch);
            }
        }
    }

    static Result inMemory(Settings s) throws Exception {
        InMemoryOutboundQueue queue = new InMemoryOutboundQueue(Clock.systemUTC());
        queue.enqueue(null, messages(s));
        try (BenchStore store = BenchStore.sqlite(SqliteSync.FULL);
             Dispatch dispatch = Dispatch.open(store.database(), DispatchSettings.defaults("bench-reporter-hash-key"),
                     Clock.systemUTC())) {
            return drain("smsgw Submitter, in memory", s, queue, dispatch);
        }
    }

    private static List<OutboundSms> messages(Settings s) {
        List<OutboundSms> out = new ArrayList<>(s.count());
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < s.count(); i++) {
            out.add(new OutboundSms(s.lane(), destination(i), "5656", BODY + i, "ACK", "", now));
        }
        return out;
    }

    private static Result drain(String who, Settings s, OutboundQueue queue, Dispatch dispatch) throws Exception {
        Clock clock = Clock.systemUTC();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (SmscSimulator smsc = new SmscSimulator(simulator(s)).start();
             ReceiptHandler receipts = new ReceiptHandler(queue, clock, meters)) {
            SmscConfig smpp = SmscConfig.builder("sim").address("127.0.0.1", smsc.port()).binds(s.binds())
                    .queueCapacity(s.window() * 4 + 500).build();
            SmppSessions sessions = new SmppSessions(smpp, new MoSinks(dispatch.intake(), receipts::take),
                    meters, clock).start();
            List<Submitter> submitters = new ArrayList<>();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (sessions.boundCount() < s.binds() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                long t0 = System.nanoTime();
                SubmitterConfig config = SubmitterConfig.defaults().withWindowAndTps(s.window(), 1_000_000);
                for (BindStatus b : sessions.states()) {
                    Submitter submitter = new Submitter(sessions.submitSession(b.bind()), queue, config, clock,
                            System::nanoTime, meters);
                    submitters.add(submitter);
                    submitter.start();
                }
                SteadyRate rate = SteadyRate.measure(smsc::submitCount, s.count(), 0.1, s.max(), () -> { });
                double settled = awaitState(queue, s, t0, OutboundState.SUBMITTED, OutboundState.DELIVERED);
                double delivered = awaitState(queue, s, t0, OutboundState.DELIVERED);
                return new Result(who, rate, settled, delivered,
                        queue.countByState().count(s.lane(), OutboundState.DELIVERED));
            } finally {
                submitters.forEach(Submitter::close);
                sessions.close();
            }
        }
    }

    /** Seconds from {@code t0} until all messages are in one of {@code states}; -1 if not within the limit. */
    private static double awaitState(OutboundQueue queue, Settings s, long t0, OutboundState... states)
            throws InterruptedException {
        long deadline = t0 + s.max().toNanos();
        while (System.nanoTime() < deadline) {
            var depth = queue.countByState();
            long n = 0;
            for (OutboundState st : states) {
                n += depth.count(s.lane(), st);
            }
            if (n >= s.count()) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    private static SimulatorConfig simulator(Settings s) {
        return SimulatorConfig.builder().port(0).receivedLogCapacity(0).pduProcessorDegree(4)
                .queueCapacity(s.window() * s.binds() * 4 + 1_000).dlrWindow(50)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    static String table(Settings s, List<Result> results) {
        StringBuilder b = new StringBuilder();
        b.append(Machine.describe()).append('\n');
        b.append(String.format("%,d messages (%s lane), window %d per bind, %d bind(s), TPS unlimited, receipts on; "
                + "rate after the first 10 %%%n", s.count(), s.lane(), s.window(), s.binds()));
        b.append(String.format("%-28s %14s %12s %12s %12s%n", "", "submit_sm/s", "settled in", "receipts in",
                "delivered"));
        for (Result r : results) {
            b.append(String.format("%-28s %,14.0f %12s %12s %12s%s%n", r.who(), r.submits().perSecond(),
                    seconds(r.settledSeconds()), seconds(r.deliveredSeconds()),
                    r.delivered() == 0 ? "-" : String.format("%,d", r.delivered()),
                    r.submits().completed() ? "" : "  (stopped at " + r.submits().total() + ")"));
        }
        return b.toString();
    }

    private static String seconds(double s) {
        return s == 0 ? "-" : s < 0 ? "timeout" : String.format("%.1fs", s);
    }
}
