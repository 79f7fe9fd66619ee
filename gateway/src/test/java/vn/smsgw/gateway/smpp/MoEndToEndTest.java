package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SubmitSmResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.gateway.simulator.Concatenation;
import vn.smsgw.gateway.simulator.Faults;
import vn.smsgw.gateway.simulator.MoGenerator;
import vn.smsgw.gateway.simulator.MoInjection;
import vn.smsgw.gateway.simulator.MoMessage;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;

/** MO over real SMPP from the simulator through the sessions into intake on SQLite. */
class MoEndToEndTest {

    private static final Duration DONE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private SmscSimulator simulator(SimulatorConfig.Builder config) throws IOException {
        SmscSimulator simulator = new SmscSimulator(config.credentials(MoGateway.SYSTEM_ID, MoGateway.PASSWORD)
                .retryDelay(Duration.ofMillis(50)).build()).start();
        resources.add(simulator);
        return simulator;
    }

    private MoGateway gateway(MoGateway gateway) {
        resources.add(gateway);
        return gateway;
    }

    private static List<MoMessage> mixed() {
        String longGsm = "LD 0987654321 gia danh cong an. " + "Noi dung: chuyen tien vao tai khoan an toan ".repeat(5);
        String longUcs2 = "LD 0987654321 giả danh công an. " + "Nội dung: chuyển tiền vào tài khoản an toàn ".repeat(3);
        return List.of(
                new MoMessage("84912000001", "156", "LD 0987654321 lua dao @ 100€"),
                new MoMessage("84912000002", "5656", "S 0987654321 tin nhắn rác 😀"),
                new MoMessage("84912000003", "156", longGsm),
                new MoMessage("84912000004", "156", longUcs2),
                new MoMessage("84912000005", "5656", "xin chao"));
    }

    @Test
    void inject_mixedEncodingsWithUdh_everyMessageStoredWithItsText() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder());
        MoGateway gateway = gateway(MoGateway.start(dir, MoGateway.smsc(simulator.port()).build()));

        MoInjection injection = simulator.inject(mixed());

        assertTrue(injection.awaitDone(DONE));
        MoAssertions.everyMessageStoredAndAnsweredOnce(injection, gateway.dispatch.reports(), gateway.database);
        assertEquals(2 + 3 + 3, gateway.counter("smsgw.mo.received", "smsc", "sim"), "2 + 3 parts and 3 whole");
    }

    @Test
    void inject_mixedEncodingsWithSar_everyMessageStoredWithItsText() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().concatenation(Concatenation.SAR));
        MoGateway gateway = gateway(MoGateway.start(dir, MoGateway.smsc(simulator.port()).build()));

        MoInjection injection = simulator.inject(mixed());

        assertTrue(injection.awaitDone(DONE));
        MoAssertions.everyMessageStoredAndAnsweredOnce(injection, gateway.dispatch.reports(), gateway.database);
    }

    @Test
    void submit_withReceiptRequested_receiptReachesTheSinkAndIsNotStored() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder());
        MoGateway gateway = gateway(MoGateway.start(dir, MoGateway.smsc(simulator.port()).build()));
        gateway.awaitBound(1);

        SubmitSmResult result = gateway.sessions.anyBound().orElseThrow().submitShortMessage("",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "156",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "84912345678",
                new ESMClass(), (byte) 0, (byte) 1, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, DataCodings.ZERO, (byte) 0,
                "Cam on".getBytes(StandardCharsets.US_ASCII));

        Poll.until(Duration.ofSeconds(10), () -> gateway.receipts.size() == 1, "the receipt");
        assertTrue(MessageIds.matchKeys(result.getMessageId()).contains(MessageIds.normalise(gateway.receipts.get(0).messageId())),
                result.getMessageId() + " vs " + gateway.receipts.get(0).messageId());
        assertTrue(StoredMo.all(gateway.dispatch.reports()).isEmpty());
    }

    @Test
    void inject_tenThousandMixedWithDuplicates_eachStoredAndAnsweredExactlyOnce() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().window(100)
                .faults(Faults.none().withDuplicateEvery(20)));
        MoGateway gateway = gateway(MoGateway.start(dir, MoGateway.smsc(simulator.port()).binds(2).build()));

        MoInjection injection = simulator.inject(MoGenerator.withDefaultMix(156), 10_000);

        assertTrue(injection.awaitDone(DONE), "pending: " + injection.pending().size());
        assertTrue(injection.duplicatesSent() >= 400, "duplicates sent: " + injection.duplicatesSent());
        MoAssertions.everyMessageStoredAndAnsweredOnce(injection, gateway.dispatch.reports(), gateway.database);
        long concatenated = injection.messages().stream().filter(m -> m.text().length() > 160).count();
        assertTrue(concatenated > 500, "concatenated: " + concatenated);
        assertEquals(0, simulator.stats().mo().errors(), "deliver_sm answered with an error");
    }

    @Test
    void inject_connectionDroppedMidStream_rebindsAndStoresEachMessageOnce() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder()
                .faults(Faults.none().withDropConnectionAfter(800)));
        MoGateway gateway = gateway(MoGateway.start(dir, MoGateway.smsc(simulator.port()).binds(2).build()));

        MoInjection injection = simulator.inject(MoGenerator.withDefaultMix(5656), 3_000);
        Poll.until(DONE, () -> injection.ackedCount() >= 1_800, "1,800 acked");
        // the session the fault dropped may still be waiting to reconnect (a session lost soon after its bind backs
        // off longer): both bound again, so that the drop below loses two
        gateway.awaitBound(2);
        simulator.dropConnections();

        assertTrue(injection.awaitDone(DONE), "pending: " + injection.pending().size());
        MoAssertions.everyMessageStoredAndAnsweredOnce(injection, gateway.dispatch.reports(), gateway.database);
        // each loss is counted when jsmpp reports the closed session, which need not have happened for both yet
        Poll.until(Duration.ofSeconds(10), () -> gateway.counter("smsgw.bind.reconnects", "smsc", "sim") >= 3,
                "one, then both sessions lost");
        gateway.awaitBound(2);
    }

    @Test
    void inject_intakeQueueOfOne_overflowThrottledThenRedeliveredAndStoredOnce() throws Exception {
        SmscSimulator simulator = simulator(SimulatorConfig.builder().window(50).maxAttempts(10_000));
        MoGateway gateway = gateway(MoGateway.start(dir, MoGateway.smsc(simulator.port()).build(),
                intake -> intake.withQueueCapacity(1)));

        MoInjection injection = simulator.inject(MoGenerator.withDefaultMix(7), 500);

        assertTrue(injection.awaitDone(DONE), "pending: " + injection.pending().size());
        MoAssertions.everyMessageStoredAndAnsweredOnce(injection, gateway.dispatch.reports(), gateway.database);
        long throttled = simulator.stats().mo().errorsByStatus().getOrDefault(SMPPConstant.STAT_ESME_RTHROTTLED, 0L);
        assertTrue(throttled > 0, "nothing was throttled");
        assertEquals((double) throttled,
                gateway.counter("smsgw.mo.answered", "smsc", "sim", "status", "ESME_RTHROTTLED"));
    }
}
