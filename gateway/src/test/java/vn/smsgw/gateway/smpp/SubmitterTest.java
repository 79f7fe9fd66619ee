package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.outbound.JdbcOutbox;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundSms;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.outbound.OutboundStatus;
import vn.smsgw.dispatch.outbound.QueueDepth;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.gateway.simulator.Faults;
import vn.smsgw.gateway.simulator.ReceiptIdFormat;
import vn.smsgw.gateway.simulator.ReceivedSubmit;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;

/** The submitter over real sockets against the SMSC simulator, draining a SQLite queue. */
class SubmitterTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SUBSCRIBER = "84912345678";

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Database db;
    private JdbcOutboundQueue queue;
    private ReceiptHandler receipts;

    @BeforeEach
    void openQueue() {
        db = Database.open(DatabaseConfig.sqlite(dir));
        queue = new JdbcOutboundQueue(db, clock);
        receipts = new ReceiptHandler(queue, clock, meters);
        resources.add(receipts);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        db.close();
    }

    private SmscSimulator simulator(SimulatorConfig.Builder config) throws Exception {
        SmscSimulator simulator = new SmscSimulator(config.build()).start();
        resources.add(simulator);
        return simulator;
    }

    private Submitter start(int port, SubmitterConfig config, long transactionTimerMillis) throws Exception {
        TestBind bind = TestBind.bind(port, transactionTimerMillis, receipts);
        resources.add(bind);
        Submitter submitter = new Submitter(bind, queue, config, clock, System::nanoTime, meters);
        resources.add(submitter);
        submitter.start();
        return submitter;
    }

    private static SubmitterConfig config(int window, int tps) {
        return SubmitterConfig.defaults().withWindowAndTps(window, tps)
                .withThrottleBackoff(Duration.ofMillis(5), Duration.ofMillis(40));
    }

    private void enqueue(Lane lane, List<String> bodies) {
        List<OutboundSms> messages = new ArrayList<>();
        for (String body : bodies) {
            messages.add(new OutboundSms(lane, SUBSCRIBER, "5656", body, "ACK", "", clock.instant()));
        }
        db.inTransaction(tx -> {
            new JdbcOutbox().enqueue(tx, messages);
            return null;
        });
    }

    private static List<String> bodies(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("%s %04d Da tiep nhan phan anh", prefix, i));
        }
        return out;
    }

    private long count(Lane lane, OutboundState state) {
        return queue.countByState().count(lane, state);
    }

    private List<Long> ids() {
        return db.read(tx -> {
            List<Long> ids = new ArrayList<>();
            try (var st = JdbcTx.of(tx).connection().createStatement();
                 var rs = st.executeQuery("SELECT id FROM outbound ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + DEADLINE + ": " + what);
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    private static List<String> acceptedTexts(SmscSimulator simulator) {
        return simulator.received().stream().filter(r -> r.commandStatus() == 0).map(ReceivedSubmit::text).toList();
    }

    @Test
    void drain_thousandReplies_allSubmittedThenDeliveredByTheirReceipts() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().dlrDelay(Duration.ofMillis(200)));
        enqueue(Lane.REPLY, bodies("r", 1_000));
        start(simulator.port(), config(10, 5_000), 5_000);

        await("1000 submitted", () -> simulator.submitCount() == 1_000);
        await("1000 delivered", () -> count(Lane.REPLY, OutboundState.DELIVERED) == 1_000);
        assertEquals(1_000, simulator.submitCount());
        for (long id : ids()) {
            OutboundStatus status = queue.status(id).orElseThrow();
            assertEquals(1, status.parts().size());
            assertFalse(status.parts().get(0).smscMessageId().isEmpty());
            assertEquals(1, status.attempts());
        }
        ReceivedSubmit first = simulator.received().get(0);
        assertEquals("5656", first.sourceAddr());
        assertEquals(SUBSCRIBER, first.destinationAddr());
        assertEquals(0x00, first.dataCoding());
        assertEquals(0x01, first.registeredDelivery());
        assertEquals(1_000.0, meters.get("smsgw.mt.submitted").counter().count());
        assertEquals(1_000.0, meters.get("smsgw.mt.delivered").counter().count());
    }

    @Test
    void drain_longVietnameseText_sendsUcs2PartsWithUdhAndDeliversAfterEveryPartReceipt() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder());
        String text = "Cảnh báo: số điện thoại bạn phản ánh đã được ghi nhận. Không cung cấp mã OTP cho bất kỳ ai. "
                .repeat(2) + "😀";
        enqueue(Lane.REPLY, List.of(text));
        start(simulator.port(), config(10, 100), 5_000);

        long id = ids().get(0);
        await("delivered", () -> queue.status(id).orElseThrow().state() == OutboundState.DELIVERED);
        List<ReceivedSubmit> parts = simulator.received();
        assertTrue(parts.size() >= 3, "parts: " + parts.size());
        assertEquals(parts.size(), queue.status(id).orElseThrow().parts().size());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            ReceivedSubmit part = parts.get(i);
            assertEquals(0x08, part.dataCoding());
            assertEquals(0x40, part.esmClass());
            byte[] udh = Arrays.copyOf(part.shortMessage(), 6);
            assertArrayEquals(new byte[] {5, 0, 3, udh[3], (byte) parts.size(), (byte) (i + 1)}, udh);
            joined.append(part.text());
        }
        assertEquals(text, joined.toString());
    }

    @Test
    void drain_tpsLimit_pacesTheBindToIt() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder());
        enqueue(Lane.REPLY, bodies("p", 60));
        long start = System.nanoTime();
        start(simulator.port(), config(10, 20), 5_000);

        await("60 submitted", () -> simulator.submitCount() == 60);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        // a burst of 10 (the window), then 20 a second: the other 50 take 2.5 s. Without the pace the 60 go out in
        // well under a second; a slow machine only makes it longer.
        assertTrue(tookMillis >= 2_000, "60 submit_sm at 20 TPS in " + tookMillis + " ms");
    }

    @Test
    void drain_throttledAndQueueFull_submitsEachMessageOnceInLaneOrder() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder()
                .faults(Faults.none().withThrottleEvery(5).withQueueFullEvery(7)));
        List<String> bodies = bodies("t", 200);
        enqueue(Lane.REPLY, bodies);
        start(simulator.port(), config(1, 2_000), 5_000);

        await("200 submitted", () -> {
            QueueDepth depth = queue.countByState(); // one snapshot: a message settling between two reads counts once
            return depth.count(Lane.REPLY, OutboundState.SUBMITTED) + depth.count(Lane.REPLY, OutboundState.DELIVERED)
                    == 200;
        });
        assertEquals(bodies, acceptedTexts(simulator), () -> "every submit_sm the simulator saw (status, text): "
                + simulator.received().stream().map(r -> r.commandStatus() + " " + r.text()).toList()
                + "; store: " + queue.countByState());
        assertTrue(simulator.stats().submits().throttled() > 0);
        assertTrue(simulator.stats().submits().queueFull() > 0);
        assertTrue(meters.get("smsgw.mt.throttled").counter().count() > 0);
    }

    @Test
    void drain_aSlowBindHoldingClaimsPastTheirLease_submitsEachMessageOnce() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder());
        List<String> bodies = bodies("slow", 24);
        enqueue(Lane.CAMPAIGN, bodies);
        List<Long> ids = ids();
        // 8 a second, a lease of 1 s: 24 claimed at once would wait past their lease, given back and claimed again
        // round after round (and, past the lease, claimed again while the submitter still held them)
        start(simulator.port(), config(1, 8).withLease(Duration.ofSeconds(1)), 5_000);

        await("24 submitted", () -> ids.stream().map(id -> queue.status(id).orElseThrow().state())
                .allMatch(state -> state == OutboundState.SUBMITTED || state == OutboundState.DELIVERED));
        List<String> accepted = acceptedTexts(simulator);
        assertEquals(new HashSet<>(bodies), new HashSet<>(accepted));
        assertEquals(bodies.size(), accepted.size(), () -> "each accepted once: " + accepted);
    }

    @Test
    void drain_throttledByGenericNacks_slowsDownAndSubmitsEachMessageOnceInLaneOrder() throws Exception {
        MuteSmsc smsc = new MuteSmsc();
        resources.add(smsc);
        smsc.submitsToNack.set(3); // ESME_RTHROTTLED, as some SMSCs answer overload, in a generic_nack
        List<String> bodies = bodies("n", 5);
        enqueue(Lane.REPLY, bodies);
        List<Long> ids = ids();
        start(smsc.port(), config(1, 2_000), 5_000);

        await("5 submitted", () -> ids.stream().allMatch(id -> queue.status(id).orElseThrow().state()
                == OutboundState.SUBMITTED));
        assertEquals(3, smsc.submitsNacked.get());
        assertEquals(5, smsc.submitsAccepted.get(), "each message accepted once, none failed");
        assertEquals(3.0, meters.get("smsgw.mt.throttled").counter().count());
    }

    @Test
    void drain_genericNackOfAnotherStatus_failsTheMessageWithThatStatus() throws Exception {
        MuteSmsc smsc = new MuteSmsc();
        resources.add(smsc);
        smsc.nackStatus = 0x03; // ESME_RINVCMDID
        smsc.submitsToNack.set(1);
        enqueue(Lane.REPLY, List.of("refused"));
        long id = ids().get(0);
        start(smsc.port(), config(1, 2_000), 5_000);

        await("failed", () -> queue.status(id).orElseThrow().state() == OutboundState.FAILED);
        assertEquals("0x00000003", queue.status(id).orElseThrow().error());
    }

    @Test
    void drain_throttledForHalfItsLease_givesTheMessageBackUnsentBeforeTheLeaseRunsOut() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().faults(Faults.none().withThrottleEvery(1)));
        enqueue(Lane.REPLY, List.of("held back by a throttling SMSC"));
        long id = ids().get(0);
        start(simulator.port(), config(1, 100).withLease(Duration.ofSeconds(2)), 5_000);

        await("given back", () -> queue.status(id).orElseThrow().error() != null
                && queue.status(id).orElseThrow().error().contains("given back unsent late in its claim's lease"));
        assertTrue(simulator.stats().submits().throttled() > 0);
        assertTrue(simulator.received().stream().allMatch(r -> r.commandStatus() != 0), "nothing accepted");
        int attempts = queue.status(id).orElseThrow().attempts();
        assertTrue(attempts <= 1, "a give-back is not an attempt: " + attempts);
        assertTrue(meters.get("smsgw.mt.given.back").counter().count() >= 1);
    }

    @Test
    void drain_partsThrottledPastHalfTheLease_renewTheClaimSoNoOtherOwnerTakesTheMessageOver() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().faults(Faults.none().withThrottleAfter(1)));
        enqueue(Lane.REPLY, List.of("Canh bao lua dao qua tin nhan. ".repeat(12)));
        long id = ids().get(0);
        start(simulator.port(), config(1, 100).withLease(Duration.ofSeconds(2)), 5_000);

        await("its first part accepted", () -> simulator.received().stream().anyMatch(r -> r.commandStatus() == 0));
        Thread.sleep(3_000); // past the first claim's lease
        assertEquals(List.of(), queue.claim(Lane.REPLY, 10, "other", Duration.ofSeconds(60)),
                "the claim was renewed: no other owner takes the message over");
        OutboundStatus status = queue.status(id).orElseThrow();
        assertEquals(OutboundState.CLAIMED, status.state());
        assertEquals(1, status.attempts(), "claimed once: not even this submitter's own claims took it again");
        assertTrue(meters.get("smsgw.mt.claims.renewed").counter().count() >= 1);
        assertEquals(1, simulator.received().stream().filter(r -> r.commandStatus() == 0).count(),
                "its later parts are throttled");
    }

    @Test
    void drain_bindLostBetweenParts_keepsRenewingTheClaimWhileTheRestWaitsForTheBind() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().faults(Faults.none().withThrottleAfter(1)));
        enqueue(Lane.REPLY, List.of("Canh bao lua dao qua tin nhan. ".repeat(12)));
        long id = ids().get(0);
        AtomicBoolean down = new AtomicBoolean();
        Submitter submitter = new Submitter(flapping(simulator.port(), down), queue,
                config(1, 100).withLease(Duration.ofSeconds(2)), clock, System::nanoTime, meters);
        resources.add(submitter);
        submitter.start();

        await("its first part accepted", () -> simulator.received().stream().anyMatch(r -> r.commandStatus() == 0));
        long firstLeaseEnd = leaseUntil(id);
        down.set(true); // the rest now waits for the bind
        await("past the first claim's lease", () -> clock.millis() > firstLeaseEnd + 500);
        assertEquals(List.of(), queue.claim(Lane.REPLY, 10, "other", Duration.ofSeconds(60)),
                "the claim was renewed while the bind was down: no other owner takes the message over");
        assertEquals(1, queue.status(id).orElseThrow().attempts());
    }

    @Test
    void drain_bindLostWithTwoMessagesBetweenParts_keepsRenewingBothClaimsWhileTheyWaitForTheBind() throws Exception {
        AtomicInteger firstParts = new AtomicInteger();
        // every first part accepted, every later part throttled: both messages stay between their parts
        ScriptedSmsc smsc = ScriptedSmsc.scripted(2, submitSm -> {
            if (submitSm.getShortMessage()[5] != 1) {
                throw new ProcessRequestException("throttled", 0x58);
            }
            return ScriptedSmsc.accepted(firstParts.incrementAndGet());
        });
        resources.add(smsc);
        String text = "Canh bao lua dao qua tin nhan. ".repeat(12);
        enqueue(Lane.REPLY, List.of("m0 " + text, "m1 " + text));
        AtomicBoolean down = new AtomicBoolean();
        Submitter submitter = new Submitter(flapping(smsc.port(), down), queue,
                config(2, 100).withLease(Duration.ofSeconds(2)), clock, System::nanoTime, meters);
        resources.add(submitter);
        submitter.start();

        await("the first part of both accepted", () -> firstParts.get() == 2);
        long firstLeasesEnd = Math.max(leaseUntil(ids().get(0)), leaseUntil(ids().get(1)));
        down.set(true); // the rest of both now waits for the bind
        await("past the first claims' leases", () -> clock.millis() > firstLeasesEnd + 500);
        assertEquals(List.of(), queue.claim(Lane.REPLY, 10, "other", Duration.ofSeconds(60)),
                "both claims were renewed while the bind was down: no other owner takes either message over");
        for (long id : ids()) {
            assertEquals(1, queue.status(id).orElseThrow().attempts());
        }
    }

    /** A bind to the SMSC on {@code port} that looks down while {@code down} is set. */
    private SubmitSession flapping(int port, AtomicBoolean down) throws Exception {
        TestBind bind = TestBind.bind(port, 5_000, receipts);
        resources.add(bind);
        return new SubmitSession() {
            @Override
            public String name() {
                return bind.name();
            }

            @Override
            public String smsc() {
                return bind.smsc();
            }

            @Override
            public Optional<PipelinedSmppSession> bound() {
                return down.get() ? Optional.empty() : bind.bound();
            }
        };
    }

    private long leaseUntil(long id) {
        return db.read(tx -> {
            try (var ps = JdbcTx.of(tx).connection().prepareStatement(
                    "SELECT lease_until FROM outbound WHERE id = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void drain_threePartMessagesThrottledWithAWindow_sendsEachMessagesPartsInOrderAndEachOnce() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().faults(Faults.none().withThrottleEvery(4)));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add(String.format("m%02d ", i) + "Canh bao lua dao qua tin nhan. ".repeat(12));
        }
        enqueue(Lane.REPLY, bodies);
        start(simulator.port(), config(5, 5_000), 5_000);

        await("20 delivered", () -> count(Lane.REPLY, OutboundState.DELIVERED) == 20);
        java.util.Map<Integer, List<Integer>> partsByReference = new java.util.TreeMap<>();
        for (ReceivedSubmit r : simulator.received()) {
            if (r.commandStatus() != 0) {
                continue;
            }
            byte[] udh = Arrays.copyOf(r.shortMessage(), 6);
            assertEquals(3, udh[4], "parts of each message");
            partsByReference.computeIfAbsent(udh[3] & 0xFF, k -> new ArrayList<>()).add((int) udh[5]);
        }
        assertEquals(20, partsByReference.size());
        partsByReference.forEach((reference, parts) -> assertEquals(List.of(1, 2, 3), parts,
                "accepted parts of reference " + reference + ", in the order the SMSC got them"));
        assertTrue(simulator.stats().submits().throttled() > 0);
        for (long id : ids()) {
            assertEquals(3, queue.status(id).orElseThrow().parts().size());
        }
    }

    @Test
    void drain_throttledWithAWindow_submitsEachMessageOnce() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().faults(Faults.none().withThrottleEvery(5)));
        List<String> bodies = bodies("w", 300);
        enqueue(Lane.REPLY, bodies);
        start(simulator.port(), config(10, 5_000), 5_000);

        await("300 delivered", () -> count(Lane.REPLY, OutboundState.DELIVERED) == 300);
        List<String> accepted = acceptedTexts(simulator);
        assertEquals(300, accepted.size());
        assertEquals(new HashSet<>(bodies), new HashSet<>(accepted));
    }

    @Test
    void drain_windowThrottledWhileThePauseLasts_triesThePartsAgainInLaneOrder() throws Exception {
        List<String> bodies = bodies("o", 8);
        Set<String> throttledOnce = Set.copyOf(bodies.subList(0, 4));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch windowSent = new CountDownLatch(4);
        Map<Integer, String> bySequence = new ConcurrentSkipListMap<>();
        AtomicInteger ids = new AtomicInteger();
        // the first four, the whole window, are each throttled once, all answered after all four came in
        ScriptedSmsc smsc = ScriptedSmsc.scripted(4, submitSm -> {
            String text = new String(submitSm.getShortMessage(), StandardCharsets.ISO_8859_1);
            bySequence.put(submitSm.getSequenceNumber(), text);
            if (throttledOnce.contains(text) && seen.add(text)) {
                windowSent.countDown();
                try {
                    windowSent.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new ProcessRequestException("throttled", 0x58);
            }
            return ScriptedSmsc.accepted(ids.incrementAndGet());
        });
        resources.add(smsc);
        enqueue(Lane.REPLY, bodies);
        start(smsc.port(), config(4, 1_000).withThrottleBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)),
                5_000);

        await("8 submitted", () -> count(Lane.REPLY, OutboundState.SUBMITTED) == 8);
        List<String> expected = new ArrayList<>(bodies.subList(0, 4));
        expected.addAll(bodies);
        assertEquals(expected, new ArrayList<>(bySequence.values()), "every submit_sm in the order it was sent");
    }

    @Test
    void drain_submitRespNeverComes_leavesThoseMessagesUnknownAndNeverResends() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder()
                .faults(Faults.none().withDropSubmitRespEvery(10)));
        enqueue(Lane.REPLY, bodies("u", 50));
        // the timer must be long enough that no answered submit_sm times out on a loaded machine: only the five
        // unanswered ones may end UNKNOWN
        start(simulator.port(), config(10, 500), 5_000);

        await("45 delivered", () -> count(Lane.REPLY, OutboundState.DELIVERED) == 45);
        await("5 unknown", () -> count(Lane.REPLY, OutboundState.UNKNOWN) == 5);
        // one more message, drained after the unknown ones were settled: had they gone back to the queue as due,
        // they would have been claimed again before it (the lane is drained in id order)
        enqueue(Lane.REPLY, List.of("u after"));
        await("the later message delivered", () -> count(Lane.REPLY, OutboundState.DELIVERED) == 46);
        assertEquals(51, simulator.submitCount());
        assertEquals(5, count(Lane.REPLY, OutboundState.UNKNOWN));
        assertEquals(5.0, meters.get("smsgw.mt.unknown").counter().count());
    }

    @Test
    void drain_submitRespComesAfterTheTimeout_messageLeftUnknownThenDeliveredByItsReceipt() throws Exception {
        // every submit_sm answered 400 ms late, past the 100 ms response timer: each message is settled UNKNOWN, then
        // its late response gives the SMSC id its receipt is matched by
        SmscSimulator simulator = simulator(SimulatorConfig.builder()
                .faults(Faults.none().withSubmitRespDelay(Duration.ofMillis(400))));
        enqueue(Lane.REPLY, bodies("l", 3));
        start(simulator.port(), config(3, 500), 100);

        await("3 delivered", () -> count(Lane.REPLY, OutboundState.DELIVERED) == 3);
        assertEquals(3, simulator.submitCount(), "never resent");
        assertEquals(3.0, meters.get("smsgw.mt.unknown").counter().count());
        for (long id : ids()) {
            OutboundStatus status = queue.status(id).orElseThrow();
            assertEquals(1, status.parts().size());
            assertFalse(status.parts().get(0).smscMessageId().isEmpty());
        }
    }

    @Test
    void drain_windowOfThree_keepsThreeSubmitSmInFlightAndNoMore() throws Exception {
        ScriptedSmsc smsc = ScriptedSmsc.holding(50, 8);
        resources.add(smsc);
        enqueue(Lane.REPLY, bodies("h", 24));
        start(smsc.port(), config(3, 5_000), 5_000);

        await("24 submitted", () -> count(Lane.REPLY, OutboundState.SUBMITTED) == 24);
        assertEquals(24, smsc.submits.get());
        assertEquals(3, smsc.mostAnsweringAtOnce.get(), "submit_sm the SMSC held at once");
        assertEquals(24.0, meters.get("smsgw.mt.submitted").counter().count());
    }

    @Test
    void drain_permanentError_failsTheMessageWithTheCode() throws Exception {
        ScriptedSmsc smsc = ScriptedSmsc.rejecting(0x0B);
        resources.add(smsc);
        enqueue(Lane.REPLY, bodies("f", 3));
        start(smsc.port(), config(1, 100), 5_000);

        await("3 failed", () -> count(Lane.REPLY, OutboundState.FAILED) == 3);
        assertEquals("0x0000000B", queue.status(ids().get(0)).orElseThrow().error());
        assertEquals(3, smsc.submits.get());
        assertEquals(3.0, meters.get("smsgw.mt.failed").tag("status", "0x0000000B").counter().count());
    }

    @ParameterizedTest
    @EnumSource(ReceiptIdFormat.class)
    void drain_receiptTextIdInEitherFormat_settlesTheMessages(ReceiptIdFormat format) throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().receiptIdFormat(format).receiptTlvs(false));
        enqueue(Lane.REPLY, bodies("d", 40));
        start(simulator.port(), config(5, 1_000), 5_000);

        await("40 delivered", () -> count(Lane.REPLY, OutboundState.DELIVERED) == 40);
    }

    @Test
    void drain_repliesAndCampaign_sendsTheRepliesFirst() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder());
        enqueue(Lane.CAMPAIGN, bodies("c", 30));
        enqueue(Lane.REPLY, bodies("r", 10));
        start(simulator.port(), config(1, 1_000), 5_000);

        await("40 delivered", () -> count(Lane.REPLY, OutboundState.DELIVERED)
                + count(Lane.CAMPAIGN, OutboundState.DELIVERED) == 40);
        List<String> order = acceptedTexts(simulator);
        assertEquals(bodies("r", 10), order.subList(0, 10));
        assertEquals(bodies("c", 30), order.subList(10, 40));
    }

    @Test
    void drain_bindDown_claimsNothing() throws Exception {
        enqueue(Lane.REPLY, bodies("n", 5));
        AtomicInteger boundChecks = new AtomicInteger();
        SubmitSession down = new SubmitSession() {
            @Override
            public String name() {
                return "down";
            }

            @Override
            public String smsc() {
                return "down";
            }

            @Override
            public java.util.Optional<PipelinedSmppSession> bound() {
                boundChecks.incrementAndGet();
                return java.util.Optional.empty();
            }
        };
        Submitter submitter = new Submitter(down, queue, config(2, 100), clock, System::nanoTime, meters);
        resources.add(submitter);
        submitter.start();
        // several rounds of the dispatcher have found the bind down (and would have claimed, had it not checked)
        await("three rounds", () -> boundChecks.get() >= 3);
        assertEquals(5, count(Lane.REPLY, OutboundState.PENDING));
        assertEquals(0, queue.status(ids().get(0)).orElseThrow().attempts());
    }
}
