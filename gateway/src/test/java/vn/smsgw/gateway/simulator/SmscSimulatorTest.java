package vn.smsgw.gateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SubmitSmResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The simulator over real sockets on an ephemeral port, with a plain jsmpp ESME on the other side. */
class SmscSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void quietJsmpp() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.jsmpp")).setLevel(Level.WARN);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    /*
     * The response timeout is the simulator's default 5 s, not shorter: the tests count redeliveries, errors and
     * duplicates exactly, and a deliver_sm_resp that a loaded machine delays past the timeout would add a
     * redelivery. Only the dropped-connection test waits for it, for the deliver_sm in flight at the drop.
     */
    private SmscSimulator start(SimulatorConfig.Builder config) throws IOException {
        SmscSimulator simulator = new SmscSimulator(config.credentials("esme", "secret")
                .responseTimeout(Duration.ofSeconds(5)).retryDelay(Duration.ofMillis(20)).build()).start();
        resources.add(simulator);
        return simulator;
    }

    private TestEsme bind(SmscSimulator simulator) throws IOException {
        return bind(simulator, pdu -> 0);
    }

    private TestEsme bind(SmscSimulator simulator, java.util.function.ToIntFunction<DeliverSm> policy)
            throws IOException {
        TestEsme esme = TestEsme.bind(simulator.port(), "esme", "secret", policy);
        resources.add(esme);
        return esme;
    }

    @Test
    void bind_rightCredentials_isBoundAndRegistered() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder());

        TestEsme esme = bind(simulator);

        assertTrue(esme.isBound());
        // the simulator registers and counts a bind just after sending its bind_resp
        assertTrue(TestEsme.await(WAIT, () -> simulator.boundSessions() == 1 && simulator.stats().binds() >= 1));
        assertEquals(1, simulator.stats().binds());
    }

    @Test
    void bind_wrongPassword_isRejectedWithInvalidPassword() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder());

        IOException e = assertThrows(IOException.class,
                () -> TestEsme.bind(simulator.port(), "esme", "wrong", pdu -> 0));

        NegativeResponseException cause = assertInstanceOf(NegativeResponseException.class, e.getCause());
        assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, cause.getCommandStatus());
        assertEquals(1, simulator.stats().bindsRejected());
    }

    @Test
    void bind_wrongSystemId_isRejectedWithInvalidSystemId() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder());

        IOException e = assertThrows(IOException.class,
                () -> TestEsme.bind(simulator.port(), "intruder", "secret", pdu -> 0));

        NegativeResponseException cause = assertInstanceOf(NegativeResponseException.class, e.getCause());
        assertEquals(SMPPConstant.STAT_ESME_RINVSYSID, cause.getCommandStatus());
    }

    @Test
    void inject_gsmAndUcs2Messages_arriveDecodedWithTheirDataCoding() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder());
        TestEsme esme = bind(simulator);
        MoMessage plain = new MoMessage("84912345678", "156", "LD 0987654321 lua dao @ €");
        MoMessage vietnamese = new MoMessage("84912345679", "5656", "LD 0987654321 lừa đảo");

        MoInjection injection = simulator.inject(List.of(plain, vietnamese));

        assertTrue(injection.awaitDone(WAIT));
        assertEquals(Set.of(0, 1), injection.acked());
        TestEsme.Received gsm = receivedFrom(esme, plain.reporter());
        assertEquals(0x00, gsm.dataCoding());
        assertEquals(plain.text(), gsm.text());
        assertEquals("156", gsm.destination());
        TestEsme.Received ucs2 = receivedFrom(esme, vietnamese.reporter());
        assertEquals(0x08, ucs2.dataCoding());
        assertEquals(vietnamese.text(), ucs2.text());
        assertEquals("5656", ucs2.destination());
    }

    @Test
    void inject_longMessage_arrivesAsUdhPartsThatJoinToTheText() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder());
        TestEsme esme = bind(simulator);
        String text = "LD 0987654321 gọi điện tự xưng công an, yêu cầu chuyển tiền vào tài khoản lạ ngay trong hôm"
                + " nay, nếu không sẽ bị khởi tố.";

        MoInjection injection = simulator.inject(List.of(new MoMessage("84912345678", "156", text)));

        assertTrue(injection.awaitDone(WAIT));
        List<TestEsme.Received> parts = new ArrayList<>(esme.received);
        assertEquals(2, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.esmClass() == 0x40 && p.total() == 2 && p.dataCoding() == 8));
        assertEquals(Set.of("84912345678|" + text), esme.messages());
        assertEquals(1, injection.ackedCount());
    }

    @Test
    void inject_longMessageWithSar_arrivesWithSarTlvsAndNoUdh() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder().concatenation(Concatenation.SAR));
        TestEsme esme = bind(simulator);
        String text = "S 0901234567 ".repeat(20);

        MoInjection injection = simulator.inject(List.of(new MoMessage("84912345678", "156", text)));

        assertTrue(injection.awaitDone(WAIT));
        List<TestEsme.Received> parts = new ArrayList<>(esme.received);
        assertEquals(2, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.esmClass() == 0 && p.total() == 2 && p.dataCoding() == 0));
        assertEquals(Set.of("84912345678|" + text), esme.messages());
    }

    @Test
    void inject_clientThrottlesEveryThirdDeliverSm_allRedeliveredAndEachMessageAckedOnce() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder().window(20));
        AtomicInteger calls = new AtomicInteger();
        TestEsme esme = bind(simulator,
                pdu -> calls.incrementAndGet() % 3 == 0 ? SMPPConstant.STAT_ESME_RTHROTTLED : 0);

        MoInjection injection = simulator.inject(MoGenerator.withDefaultMix(7), 500);

        assertTrue(injection.awaitDone(WAIT));
        assertEquals(500, injection.ackedCount());
        assertEquals(Set.of(), injection.pending());
        assertEquals(distinctMessages(injection), esme.messages());
        DeliveryStats mo = simulator.stats().mo();
        assertTrue(mo.redelivered() > 0);
        assertEquals(mo.errorsByStatus().get(SMPPConstant.STAT_ESME_RTHROTTLED).longValue(), mo.redelivered());
        assertEquals(mo.acked() + mo.errors(), mo.sent());
    }

    @Test
    void inject_responseLaterThanTheTimeout_timesOutFreesTheWindowAndRedelivers() throws Exception {
        SmscSimulator simulator = new SmscSimulator(SimulatorConfig.builder().credentials("esme", "secret").window(1)
                .responseTimeout(Duration.ofMillis(300)).retryDelay(Duration.ofMillis(20)).build()).start();
        resources.add(simulator);
        AtomicInteger calls = new AtomicInteger();
        TestEsme esme = bind(simulator, pdu -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 0;
        });
        List<MoMessage> messages = List.of(new MoMessage("84912345671", "156", "V 0912345678"),
                new MoMessage("84912345672", "156", "S 0912345678"),
                new MoMessage("84912345673", "156", "LD 0912345678"));

        MoInjection injection = simulator.inject(messages);

        assertTrue(injection.awaitDone(WAIT));
        assertEquals(Set.of(0, 1, 2), injection.acked());
        DeliveryStats mo = simulator.stats().mo();
        assertEquals(1, mo.timeouts());
        assertEquals(1, mo.redelivered());
        assertEquals(4, mo.sent());
        assertEquals(3, mo.acked());
        assertEquals(List.of("84912345671", "84912345671", "84912345672", "84912345673"),
                esme.received.stream().map(TestEsme.Received::source).sorted().toList());
    }

    @Test
    void inject_permanentError_marksTheMessageFailedWithoutRedelivery() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder());
        bind(simulator, pdu -> pdu.getSourceAddr().endsWith("9") ? SMPPConstant.STAT_ESME_RINVDSTADR : 0);

        MoInjection injection = simulator.inject(List.of(new MoMessage("84912345678", "156", "V 0912345678"),
                new MoMessage("84912345679", "156", "V 0912345678")));

        assertTrue(injection.awaitDone(WAIT));
        assertEquals(Set.of(0), injection.acked());
        assertEquals(Set.of(1), injection.failed());
        assertEquals(0, simulator.stats().mo().redelivered());
    }

    @Test
    void inject_connectionDroppedMidStream_unackedMessagesRedeliveredAfterRebind() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder().window(10)
                .faults(Faults.none().withDropConnectionAfter(50)));
        TestEsme first = bind(simulator);

        MoInjection injection = simulator.inject(MoGenerator.withDefaultMix(11), 300);

        assertTrue(TestEsme.await(WAIT, () -> !first.isBound()));
        assertFalse(injection.isDone());
        TestEsme second = bind(simulator);
        assertTrue(injection.awaitDone(WAIT));
        assertEquals(300, injection.ackedCount());
        List<TestEsme.Received> received = new ArrayList<>(first.received);
        received.addAll(second.received);
        assertEquals(distinctMessages(injection), TestEsme.messages(received));
        DeliveryStats mo = simulator.stats().mo();
        assertTrue(mo.timeouts() + mo.connectionErrors() > 0);
        assertTrue(mo.redelivered() > 0);
    }

    @Test
    void inject_duplicateFault_everyTenthAckedDeliverSmArrivesTwice() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder().faults(Faults.none().withDuplicateEvery(10)));
        TestEsme esme = bind(simulator);
        List<MoMessage> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            messages.add(new MoMessage(String.format("849%08d", i), "156", "S 0901234567 tin rac " + i));
        }

        MoInjection injection = simulator.inject(messages);

        assertTrue(injection.awaitDone(WAIT));
        assertEquals(100, injection.ackedCount());
        assertEquals(10, injection.duplicatesSent());
        assertEquals(110, esme.received.size());
        assertEquals(100, esme.messages().size());
        assertEquals(10, simulator.stats().moDuplicates());
    }

    @Test
    void inject_fromFile_sendsEachLineWithItsAddresses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mo.txt");
        Files.writeString(file, "LD 0987654321 lua dao\n\n84911111111\t5656\tV 0912345678 quảng cáo\n",
                StandardCharsets.UTF_8);
        SmscSimulator simulator = start(SimulatorConfig.builder());
        TestEsme esme = bind(simulator);

        MoInjection injection = simulator.inject(MoFile.read(file, "156"));

        assertTrue(injection.awaitDone(WAIT));
        assertEquals(Set.of("84900000001|LD 0987654321 lua dao", "84911111111|V 0912345678 quảng cáo"),
                esme.messages());
        assertEquals("5656", receivedFrom(esme, "84911111111").destination());
    }

    @Test
    void inject_noSessionBound_waitsForABindThenDelivers() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder());
        MoInjection injection = simulator.inject(List.of(new MoMessage("84912345678", "156", "S 0901234567")));
        assertFalse(injection.awaitDone(Duration.ofMillis(200)));

        bind(simulator);

        assertTrue(injection.awaitDone(WAIT));
        assertEquals(1, injection.ackedCount());
    }

    @Test
    void submit_withReceiptRequested_respIdAndReceiptIdMatchInHex() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder());
        TestEsme esme = bind(simulator);

        String id = submit(esme, "84912345678", "Cam on ban da phan anh", true).getMessageId();

        assertTrue(TestEsme.await(WAIT, () -> esme.receipts().size() == 1));
        DeliverSm receipt = esme.receipts().get(0).pdu();
        DeliveryReceipt text = receipt.getShortMessageAsDeliveryReceipt();
        assertEquals(id, text.getId());
        assertEquals(DeliveryReceiptState.DELIVRD, text.getFinalStatus());
        assertEquals("Cam on ban da phan a", text.getText());
        assertEquals(id, ((OptionalParameter.Receipted_message_id) receipt
                .getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)).getValueAsString());
        assertEquals(2, ((OptionalParameter.Message_state) receipt
                .getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE)).getValue());
        assertEquals("84912345678", receipt.getSourceAddr());
        assertEquals("156", receipt.getDestAddress());
        assertTrue(TestEsme.await(WAIT, () -> simulator.stats().receipts().acked() == 1));
    }

    @Test
    void submit_decimalReceiptIds_receiptTextCarriesTheIdInDecimal() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder().receiptIdFormat(ReceiptIdFormat.DECIMAL));
        TestEsme esme = bind(simulator);

        String id = submit(esme, "84912345678", "Xin cam on", true).getMessageId();

        assertTrue(TestEsme.await(WAIT, () -> esme.receipts().size() == 1));
        DeliverSm receipt = esme.receipts().get(0).pdu();
        assertEquals(Long.toString(Long.parseLong(id, 16)), receipt.getShortMessageAsDeliveryReceipt().getId());
        assertEquals(id, ((OptionalParameter.Receipted_message_id) receipt
                .getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)).getValueAsString());
    }

    @Test
    void submit_recordsWhatWasReceived() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder());
        TestEsme esme = bind(simulator);

        String id = submit(esme, "84912345678", "Đã nhận phản ánh", false).getMessageId();

        ReceivedSubmit received = simulator.received().get(0);
        assertEquals(1, simulator.submitCount());
        assertEquals(id, received.messageId());
        assertEquals("esme", received.systemId());
        assertEquals("156", received.sourceAddr());
        assertEquals("84912345678", received.destinationAddr());
        assertEquals(8, received.dataCoding());
        assertEquals("Đã nhận phản ánh", received.text());
        assertEquals(0, received.commandStatus());
        assertTrue(esme.receipts().isEmpty());
    }

    @Test
    void submit_throttleFault_everyThirdSubmitIsThrottled() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder().faults(Faults.none().withThrottleEvery(3)));
        TestEsme esme = bind(simulator);
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            try {
                submit(esme, "84912345678", "reply " + i, false);
                statuses.add(0);
            } catch (NegativeResponseException e) {
                statuses.add(e.getCommandStatus());
            }
        }

        assertEquals(List.of(0, 0, 0x58, 0, 0, 0x58), statuses);
        assertEquals(2, simulator.stats().submits().throttled());
        assertEquals(4, simulator.stats().submits().accepted());
    }

    @Test
    void submit_dropResponseFault_secondSubmitTimesOutWithoutReceipt() throws Exception {
        SmscSimulator simulator = start(SimulatorConfig.builder()
                .faults(Faults.none().withDropSubmitRespEvery(2)));
        TestEsme esme = bind(simulator);

        submit(esme, "84912345678", "first", true);
        esme.session().setTransactionTimer(300); // only for the submit_sm whose response never comes
        assertThrows(ResponseTimeoutException.class, () -> submit(esme, "84912345678", "second", true));

        // the ESME gave up after 300 ms, which says nothing about whether the simulator has handled it yet
        assertTrue(TestEsme.await(WAIT, () -> simulator.stats().submits().unanswered() == 1));
        assertEquals(-1, simulator.received().get(1).commandStatus());
        assertTrue(TestEsme.await(WAIT, () -> esme.receipts().size() == 1));
    }

    private static SubmitSmResult submit(TestEsme esme, String to, String text, boolean receipt) throws Exception {
        boolean gsm = vn.smsgw.parser.text.GsmAlphabet.canEncode(text);
        byte[] bytes = gsm ? vn.smsgw.parser.text.GsmAlphabet.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
        return esme.session().submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "156",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 1,
                null, null,
                new RegisteredDelivery(receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                (byte) 0, DataCodings.newInstance(gsm ? (byte) 0 : (byte) 8), (byte) 0, bytes);
    }

    private static TestEsme.Received receivedFrom(TestEsme esme, String source) {
        return esme.received.stream().filter(r -> r.source().equals(source)).findFirst().orElseThrow();
    }

    private static Set<String> distinctMessages(MoInjection injection) {
        return injection.messages().stream().map(m -> m.reporter() + "|" + m.text()).collect(Collectors.toSet());
    }
}
