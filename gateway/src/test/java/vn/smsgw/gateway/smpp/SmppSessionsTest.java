package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.gateway.simulator.BindSeen;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;

/** Binding, state reporting and reconnecting, over real sockets against the simulator. */
class SmppSessionsTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private SmscSimulator simulator() throws IOException {
        SmscSimulator simulator = new SmscSimulator(SimulatorConfig.builder()
                .credentials(MoGateway.SYSTEM_ID, MoGateway.PASSWORD).build()).start();
        resources.add(simulator);
        return simulator;
    }

    private MoGateway gateway(SmscConfig smsc) {
        MoGateway gateway = MoGateway.start(dir, smsc);
        resources.add(gateway);
        return gateway;
    }

    @Test
    void start_twoTransceiverBinds_bothBoundAndGaugesOne() throws Exception {
        SmscSimulator simulator = simulator();
        MoGateway gateway = gateway(MoGateway.smsc(simulator.port()).binds(2).build());

        gateway.awaitBound(2);

        assertEquals(List.of("trx-0", "trx-1"), gateway.sessions.states().stream().map(BindStatus::bind).toList());
        // the simulator registers a session just after sending its bind_resp, so it may lag the gateway's view
        Poll.until(Duration.ofSeconds(5), () -> simulator.boundSessions() == 2, "the simulator sees two binds");
        for (String bind : List.of("trx-0", "trx-1")) {
            assertEquals(1.0, gateway.meters.get("smsgw.bind.state").tags("smsc", "sim", "bind", bind).gauge()
                    .value());
        }
        assertTrue(gateway.sessions.anyBound().orElseThrow().getSessionState().isTransmittable());
    }

    @Test
    void close_smscThatNeverAnswersUnbind_unbindsEveryBindAtOnce() throws Exception {
        MuteSmsc smsc = new MuteSmsc();
        resources.add(smsc);
        Duration timeout = Duration.ofSeconds(2);
        MoGateway gateway = MoGateway.start(dir, MoGateway.smsc(smsc.port()).binds(3)
                .transactionTimeout(timeout).enquireLinkInterval(Duration.ZERO).build());
        gateway.awaitBound(3);

        gateway.close();

        assertEquals(3, smsc.unbindsAt.size(), "every bind sent its unbind");
        long spread = Collections.max(smsc.unbindsAt) - Collections.min(smsc.unbindsAt);
        // one bind after another, each would wait out the unanswered unbind (timeout + 1 s) before the next
        assertTrue(spread < timeout.toNanos() / 2, "unbinds spread over " + Duration.ofNanos(spread));
    }

    @Test
    void close_aBindInProgressBesideABoundOne_unbindsWithoutWaitingForTheBindInProgress() throws Exception {
        MuteSmsc smsc = new MuteSmsc(1); // answers one bind of two, and no unbind
        resources.add(smsc);
        Duration bindTimeout = Duration.ofSeconds(6);
        MoGateway gateway = MoGateway.start(dir, MoGateway.smsc(smsc.port()).binds(2).bindTimeout(bindTimeout)
                .transactionTimeout(Duration.ofSeconds(1)).enquireLinkInterval(Duration.ZERO).build());
        gateway.awaitBound(1);
        Poll.until(Duration.ofSeconds(5), () -> smsc.binds.get() == 2, "the second bind waits for its answer");

        long t0 = System.nanoTime();
        gateway.close();

        assertEquals(1, smsc.unbindsAt.size(), "the bound session sent its unbind");
        Duration unbindAfter = Duration.ofNanos(smsc.unbindsAt.get(0) - t0);
        // waiting for the bind in progress first, the unbind would leave up to 6 s later
        assertTrue(unbindAfter.compareTo(Duration.ofSeconds(2)) < 0, "unbind sent after " + unbindAfter);
    }

    @Test
    void deliverSm_withStrayOctetsAfterItsTlvsOrABrokenMandatoryPart_isAnsweredWithAnErrorAndTheNextOneTaken()
            throws Exception {
        MuteSmsc smsc = new MuteSmsc();
        resources.add(smsc);
        MoGateway gateway = gateway(MoGateway.smsc(smsc.port()).enquireLinkInterval(Duration.ZERO)
                .transactionTimeout(Duration.ofSeconds(1)).build()); // its unbind is never answered
        gateway.awaitBound(1);
        byte[] good = new org.jsmpp.util.DefaultComposer().deliverSm(43, "", (byte) 1, (byte) 1, "84912345678",
                (byte) 0, (byte) 0, "156", (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0,
                "LD 0987654321 goi lua dao".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] stray = java.util.Arrays.copyOf(good, good.length + 2); // two 0x00 octets after the last field
        java.nio.ByteBuffer.wrap(stray).putInt(0, stray.length).putInt(12, 41);
        byte[] noNul = new byte[40];
        java.nio.ByteBuffer.wrap(noNul).putInt(0, 40).putInt(4, 0x00000005).putInt(12, 42);
        java.util.Arrays.fill(noNul, 16, 40, (byte) 'x'); // service_type without its NUL

        for (int round = 0; round < 3; round++) { // more than the session's two PDU threads
            smsc.send(stray);
            smsc.send(noNul);
        }
        smsc.send(good);

        Poll.until(Duration.ofSeconds(10), () -> smsc.deliverSmAnswers.size() == 3, "three sequence numbers answered");
        assertEquals(0xC0, smsc.deliverSmAnswers.get(41), "ESME_RINVOPTPARSTREAM");
        assertEquals(0x02, smsc.deliverSmAnswers.get(42), "ESME_RINVCMDLEN");
        assertEquals(0x00, smsc.deliverSmAnswers.get(43), "the next deliver_sm taken");
        assertEquals(1, gateway.dispatch.reports().after(0, 10).size());
    }

    @Test
    void pduHeader_withACommandLengthOfTwoGibibytes_closesTheSessionAndTheBindComesBack() throws Exception {
        MuteSmsc smsc = new MuteSmsc();
        resources.add(smsc);
        MoGateway gateway = gateway(MoGateway.smsc(smsc.port()).enquireLinkInterval(Duration.ZERO)
                .transactionTimeout(Duration.ofSeconds(1)).build()); // its unbind is never answered
        gateway.awaitBound(1);

        // a stream out of step: jsmpp would allocate the whole PDU, and the OutOfMemoryError end its reader quietly
        smsc.send(java.nio.ByteBuffer.allocate(16).putInt(0x7FFFFFFF).putInt(0x00000005).putInt(0).putInt(9).array());

        Poll.until(Duration.ofSeconds(10), () -> smsc.binds.get() == 2, "a second bind after the session closed");
        gateway.awaitBound(1);
        assertEquals(1, gateway.sessions.states().get(0).reconnects(), gateway.sessions.states().toString());
    }

    @Test
    void start_systemTypeAndAddressRange_areSentInTheBind() throws Exception {
        SmscSimulator simulator = simulator();
        MoGateway gateway = gateway(MoGateway.smsc(simulator.port()).systemType("VMA")
                .addressRange("^(156|5656)$").build());

        gateway.awaitBound(1);

        Poll.until(Duration.ofSeconds(5), () -> !simulator.bindsSeen().isEmpty(), "the simulator sees the bind");
        assertEquals(new BindSeen("BIND_TRX", MoGateway.SYSTEM_ID, "VMA", "^(156|5656)$"),
                simulator.bindsSeen().get(0));
    }

    @Test
    void start_receiverTransmitterMode_bindsOneOfEachPerBind() throws Exception {
        SmscSimulator simulator = simulator();
        MoGateway gateway = gateway(MoGateway.smsc(simulator.port()).bindMode(BindMode.RX_TX).build());

        gateway.awaitBound(2);

        assertEquals(List.of("rx-0", "tx-0"), gateway.sessions.states().stream().map(BindStatus::bind).toList());
        assertTrue(gateway.sessions.transmitter("rx-0").isEmpty(), "a receiver cannot submit");
        assertTrue(gateway.sessions.transmitter("tx-0").isPresent());
        assertTrue(gateway.sessions.anyBound().orElseThrow().getSessionState().isTransmittable());
    }

    @Test
    void close_bound_everySessionStoppedAndUnbound() throws Exception {
        SmscSimulator simulator = simulator();
        MoGateway gateway = gateway(MoGateway.smsc(simulator.port()).binds(2).build());
        gateway.awaitBound(2);

        gateway.sessions.close();

        assertTrue(gateway.sessions.states().stream().allMatch(s -> s.state() == BindState.STOPPED),
                gateway.sessions.states().toString());
        assertTrue(gateway.sessions.anyBound().isEmpty());
        Poll.until(Duration.ofSeconds(5), () -> simulator.boundSessions() == 0, "the simulator sees the unbinds");
        assertEquals(0.0, gateway.meters.get("smsgw.bind.state").tags("bind", "trx-0").gauge().value());
        for (BindState state : BindState.values()) {
            assertEquals(state == BindState.STOPPED ? 1.0 : 0.0, currentState(gateway, "trx-0", state), state.name());
        }
    }

    private static double currentState(MoGateway gateway, String bind, BindState state) {
        return gateway.meters.get("smsgw.bind.state.current").tags("smsc", "sim", "bind", bind, "state", state.name())
                .gauge().value();
    }

    @Test
    void dropConnections_bound_rebindsByItselfAndCountsTheReconnect() throws Exception {
        SmscSimulator simulator = simulator();
        MoGateway gateway = gateway(MoGateway.smsc(simulator.port()).binds(2).build());
        gateway.awaitBound(2);

        assertEquals(2, simulator.dropConnections());

        Poll.until(Duration.ofSeconds(10), () -> gateway.counter("smsgw.bind.reconnects", "smsc", "sim") == 2,
                "both losses counted");
        gateway.awaitBound(2);
        // the simulator counts a bind just after sending its bind_resp, so it may lag the gateway's view
        Poll.until(Duration.ofSeconds(5), () -> simulator.boundSessions() == 2 && simulator.stats().binds() >= 4,
                "the simulator sees two binds again");
        assertTrue(gateway.sessions.states().stream().allMatch(s -> s.reconnects() == 1),
                gateway.sessions.states().toString());
        assertEquals(4, simulator.stats().binds());
    }

    @Test
    void start_wrongPassword_authFailedAndRetriedOnlyAtTheSlowInterval() throws Exception {
        SmscSimulator simulator = simulator();
        MoGateway gateway = gateway(MoGateway.smsc(simulator.port()).credentials(MoGateway.SYSTEM_ID, "wrong")
                .reconnect(Duration.ofMillis(10), Duration.ofMillis(20)).authFailureBackoff(Duration.ofMillis(400))
                .build());

        Poll.until(Duration.ofSeconds(10),
                () -> gateway.sessions.states().get(0).state() == BindState.AUTH_FAILED, "AUTH_FAILED");
        BindStatus status = gateway.sessions.states().get(0);
        assertTrue(status.lastError().contains("0x0E"), status.lastError());
        Poll.until(Duration.ofSeconds(10), () -> currentState(gateway, "trx-0", BindState.AUTH_FAILED) == 1.0
                && currentState(gateway, "trx-0", BindState.BOUND) == 0.0, "the AUTH_FAILED gauge");
        long start = System.nanoTime();
        double before = gateway.counter("smsgw.bind.attempts", "smsc", "sim");
        Poll.until(Duration.ofSeconds(20), () -> gateway.counter("smsgw.bind.attempts", "smsc", "sim") >= before + 3,
                "three more bind attempts");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        // every attempt after the first of the three waited at least the 400 ms authentication backoff; the 10-20 ms
        // reconnect delay would have made all three in well under 100 ms. A slow machine only makes it longer.
        assertTrue(tookMillis >= 800, "three bind attempts after AUTH_FAILED within " + tookMillis + " ms");
        assertEquals(0, simulator.boundSessions());
        // each retry passes through CONNECTING and BINDING and must come back to AUTH_FAILED, never BOUND
        Poll.until(Duration.ofSeconds(10),
                () -> gateway.sessions.states().get(0).state() == BindState.AUTH_FAILED, "AUTH_FAILED again");
        assertEquals(0, simulator.boundSessions());
    }

    @Test
    void start_smscClosesRightAfterRefusingTheBind_everyRefusalSeenAtOnce() throws Exception {
        RefuseAndCloseSmsc smsc = new RefuseAndCloseSmsc(0x0E);
        resources.add(smsc);
        Duration bindTimeout = Duration.ofSeconds(10);
        int attempts = 8;

        MoGateway gateway = gateway(MoGateway.smsc(smsc.port()).bindTimeout(bindTimeout)
                .authFailureBackoff(Duration.ofMillis(20)).build());

        // a refusal lost by the session would be noticed only when the bind times out, and retried at the short
        // backoff as if the network had failed
        long start = System.nanoTime();
        Poll.until(bindTimeout.multipliedBy(2), () -> smsc.answered() >= attempts
                && gateway.sessions.states().get(0).state() == BindState.AUTH_FAILED, attempts + " refusals");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(bindTimeout) < 0, attempts + " refusals took " + took);
        assertTrue(gateway.sessions.states().get(0).lastError().contains("0x0E"),
                gateway.sessions.states().get(0).lastError());
    }

    @Test
    void start_smscDropsEverySessionRightAfterBinding_reconnectsEverMoreSlowly() throws Exception {
        RefuseAndCloseSmsc smsc = new RefuseAndCloseSmsc(0); // ESME_ROK, then the connection is closed
        resources.add(smsc);
        long start = System.nanoTime();
        MoGateway gateway = gateway(MoGateway.smsc(smsc.port())
                .reconnect(Duration.ofMillis(20), Duration.ofSeconds(1)).build());

        Poll.until(Duration.ofSeconds(10), () -> gateway.counter("smsgw.bind.reconnects", "smsc", "sim") >= 3,
                "three sessions bound and lost");
        Poll.until(Duration.ofSeconds(5), () -> System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(2),
                "2 s since the start");
        int binds = smsc.answered();

        // a session that did not last counts as a failure: delays of 20-80, 20-160, 20-320, 20-640 ms, then up to
        // 1 s, under 10 binds in the first 2 s. Reconnecting at the 20 ms minimum after every loss made 68 here; a
        // slow machine only makes fewer.
        assertTrue(binds <= 20, "binds in the first " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " ms: " + binds);
        assertTrue(gateway.sessions.states().get(0).reconnects() >= 3, gateway.sessions.states().toString());
    }

    @Test
    void start_nothingListening_backsOffWithDoublingDelays() throws Exception {
        // a port bound but never listening refuses connections, and no other socket can take it during the test
        Socket closedPort = new Socket();
        resources.add(closedPort);
        closedPort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        long start = System.nanoTime();
        MoGateway gateway = gateway(MoGateway.smsc(closedPort.getLocalPort())
                .reconnect(Duration.ofMillis(20), Duration.ofMillis(200)).build());

        Poll.until(Duration.ofSeconds(10), () -> gateway.counter("smsgw.bind.attempts", "smsc", "sim") >= 4,
                "four connect attempts");
        Poll.until(Duration.ofSeconds(5), () -> System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(1),
                "1 s since the start");
        double attempts = gateway.counter("smsgw.bind.attempts", "smsc", "sim");

        // delays of 20-40, 20-80, 20-160, then 20-200 ms: about 10 in the first second, well under the 50 a fixed
        // 20 ms would allow; a slow machine only makes fewer. Attempts go on after the first second, so the count is
        // read as soon as a second has passed, or once four attempts were seen if that took longer.
        assertTrue(attempts <= 25, "connect attempts in the first " + TimeUnit.NANOSECONDS.toMillis(
                System.nanoTime() - start) + " ms: " + attempts);
        BindStatus status = gateway.sessions.states().get(0);
        assertTrue(status.state() == BindState.BACKOFF || status.state() == BindState.CONNECTING, status.toString());
        assertFalse(status.lastError().isEmpty());
    }
}
