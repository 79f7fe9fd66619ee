package vn.smsgw.gateway.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.smsgw.gateway.interop.GatewayReads.byReporter;
import static vn.smsgw.gateway.interop.GatewayReads.digits;
import static vn.smsgw.gateway.interop.GatewayReads.outbound;
import static vn.smsgw.gateway.interop.GatewayReads.reports;
import static vn.smsgw.gateway.interop.InteropWait.await;

import com.cloudhopper.smpp.SmppBindType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.outbound.OutboundStatus;
import vn.smsgw.dispatch.outbound.QueueDepth;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.process.Gateway;
import vn.smsgw.gateway.smpp.BindState;
import vn.smsgw.gateway.smpp.BindStatus;
import vn.smsgw.gateway.smpp.SmscConfig;

/**
 * The whole gateway against an SMSC built on another SMPP stack, cloudhopper-smpp ({@link CloudhopperSmsc}, in this
 * JVM): binds accepted and refused, MO in GSM 7-bit, UCS-2 and concatenated, replies out with receipts back,
 * enquire_link and unbind from the SMSC, and the gateway's own unbind at close. Needs nothing outside the build.
 */
class CloudhopperSmscInteropTest {

    private static final String SYSTEM_ID = "smsgw";
    private static final String PASSWORD = "secret";
    private static final int ROK = 0x00;
    private static final int INVPASWD = 0x0E;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String GSM = "LD 0987654321 goi gia danh cong an @ 100€";
    private static final String UCS2 = "LD 0987654321 gọi giả danh công an";
    private static final String GSM_LONG = "LD 0987654321 goi gia danh cong an quan Hoan Kiem, noi toi lien quan den"
            + " duong day rua tien va yeu cau chuyen toan bo tien tiet kiem vao tai khoan an toan de dieu tra. Ho doc"
            + " dung so CCCD va dia chi nha toi, doa bat giam neu khong lam theo trong 30 phut. Gia 100€ @ [ok]";
    private static final String UCS2_LONG = "LD 0987654321 gọi giả danh công an, nói tôi liên quan đường dây rửa tiền,"
            + " yêu cầu chuyển tiền vào tài khoản an toàn. Họ biết số CCCD và địa chỉ nhà tôi, dọa bắt giam.";

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void bind_rightCredentials_boundAsTransceiverAndHealthy() throws Exception {
        CloudhopperSmsc smsc = smsc();

        Gateway gateway = gateway(smsc);

        assertEquals(List.of(new CloudhopperSmsc.Bind(SYSTEM_ID, SmppBindType.TRANSCEIVER, (byte) 0x34, ROK)),
                smsc.binds());
        HttpResponse<String> health = health(gateway);
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("BOUND", JSON.readTree(health.body()).at("/checks/smsc.ch/trx-0").asText(), health.body());
    }

    @Test
    void bind_wrongPassword_authFailureReportedAndNeverBound() throws Exception {
        CloudhopperSmsc smsc = smsc();

        Gateway gateway = start(smsc, b -> b.credentials(SYSTEM_ID, "wrong"));

        await(() -> state(gateway).state() == BindState.AUTH_FAILED, () -> state(gateway) + ", " + smsc.binds(),
                "AUTH_FAILED");
        assertTrue(state(gateway).lastError().contains("0x0E"), state(gateway).lastError());
        HttpResponse<String> health = health(gateway);
        assertEquals(503, health.statusCode(), health.body());
        JsonNode check = JSON.readTree(health.body()).at("/checks/smsc.ch");
        assertEquals("DOWN", check.get("status").asText(), health.body());
        assertTrue(check.get("trx-0").asText().startsWith("AUTH_FAILED"), health.body());
        assertEquals(List.of(new CloudhopperSmsc.Bind(SYSTEM_ID, SmppBindType.TRANSCEIVER, (byte) 0x34, INVPASWD)),
                smsc.binds(), "one attempt: the next waits the authentication backoff");
        assertEquals(0, smsc.boundSessions());
        assertEquals(0, gateway.sessions().get(0).boundCount());
    }

    @Test
    void deliverSm_gsm7Ucs2AndConcatenated_eachStoredOnceAndAckedOnlyOnceStored() throws Exception {
        CloudhopperSmsc smsc = smsc();
        Gateway gateway = gateway(smsc);
        List<CloudhopperMo> sent = List.of(
                new CloudhopperMo("84912000001", "156", GSM, CloudhopperMo.Coding.GSM, 1),
                new CloudhopperMo("84912000002", "156", UCS2, CloudhopperMo.Coding.UCS2, 1),
                new CloudhopperMo("84912000003", "5656", GSM_LONG, CloudhopperMo.Coding.GSM, 3),
                new CloudhopperMo("84912000004", "156", UCS2_LONG, CloudhopperMo.Coding.UCS2, 3));

        Map<CloudhopperMo, CompletableFuture<MoAnswers.Answered>> answers = new HashMap<>();
        for (CloudhopperMo mo : sent) {
            answers.put(mo, smsc.deliver(mo, () -> byReporter(reports(gateway)).containsKey(mo.src())));
        }

        for (CloudhopperMo mo : sent) {
            MoAnswers.Answered answered = answers.get(mo).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(List.of(ROK, ROK, ROK).subList(0, mo.parts()), answered.statuses(), "answers to " + mo);
            assertTrue(answered.probe(), "stored when the last deliver_sm_resp arrived: " + mo);
        }
        Map<String, List<StoredReport>> stored = byReporter(reports(gateway));
        assertEquals(sent.size(), stored.size(), "reporters with a stored report: " + stored.keySet());
        for (CloudhopperMo mo : sent) {
            List<StoredReport> copies = stored.get(mo.src());
            assertEquals(1, copies.size(), "copies stored of " + mo);
            assertEquals(mo.text(), copies.get(0).rawText(), "text of " + mo);
            assertEquals(mo.dst(), copies.get(0).shortCode(), "short code of " + mo);
            assertEquals("LD", copies.get(0).command(), "command of " + mo);
        }
    }

    @Test
    void submitSm_replyToEachReport_carriesTheCaseIdAndEndsDeliveredByTheReceipt() throws Exception {
        CloudhopperSmsc smsc = smsc();
        Gateway gateway = gateway(smsc);
        List<CloudhopperMo> sent = List.of(
                new CloudhopperMo("84912000011", "156", GSM, CloudhopperMo.Coding.GSM, 1),
                new CloudhopperMo("84912000012", "5656", UCS2, CloudhopperMo.Coding.UCS2, 1),
                new CloudhopperMo("84912000013", "156", UCS2_LONG, CloudhopperMo.Coding.UCS2, 3));

        for (CloudhopperMo mo : sent) {
            smsc.deliver(mo, () -> true);
        }

        int n = sent.size();
        await(() -> repliesDelivered(gateway, n) && total(smsc.receiptResponses()) == n,
                () -> "outbound " + gateway.outbound().countByState() + ", receipts answered " + smsc.receiptResponses()
                        + ", submits " + smsc.submits(), n + " replies delivered");
        Map<String, CloudhopperSmsc.Submit> submits = onePerDestination(smsc.submits());
        assertEquals(n, submits.size());
        for (StoredReport report : reports(gateway)) {
            CloudhopperSmsc.Submit submit = submits.get(digits(report.reporter()));
            assertTrue(submit != null, "no submit_sm to the reporter of " + report.caseId());
            assertEquals(report.shortCode(), submit.src(), "reply sender");
            assertTrue(submit.text().contains(report.caseId().value()), "reply names the case: " + submit.text());
            assertEquals(1, submit.registeredDelivery() & 0x01, "a receipt is asked for");
        }
        Set<String> smscIds = submits.values().stream().map(CloudhopperSmsc.Submit::messageId)
                .collect(Collectors.toSet());
        Set<String> settledIds = new HashSet<>();
        for (OutboundStatus status : outbound(gateway, n)) {
            assertEquals(OutboundState.DELIVERED, status.state(), "state of outbound " + status);
            assertEquals(1, status.parts().size(), "parts of " + status);
            assertEquals(OutboundState.DELIVERED, status.parts().get(0).state(), "part of " + status);
            settledIds.add(status.parts().get(0).smscMessageId());
        }
        assertEquals(smscIds, settledIds, "message ids recorded by the gateway");
        assertEquals(Map.of(ROK, n), smsc.receiptResponses(), "deliver_sm_resp to receipts");
    }

    @Test
    void enquireLink_fromTheSmsc_answeredAndTheBindKept() throws Exception {
        CloudhopperSmsc smsc = smsc();
        Gateway gateway = start(smsc, b -> b.enquireLinkInterval(Duration.ofMillis(200)));
        awaitBound(gateway, smsc, 1);

        assertEquals(ROK, smsc.enquireLink(), "enquire_link_resp status");
        assertEquals(ROK, smsc.enquireLink(), "enquire_link_resp status");

        // and the other way: the gateway's own enquire_link after 200 ms idle, answered by cloudhopper
        await(() -> smsc.enquireLinksReceived() >= 1, () -> smsc.enquireLinksReceived() + " received",
                "enquire_link from the gateway");
        assertEquals(BindState.BOUND, state(gateway).state());
        assertEquals(0, state(gateway).reconnects());
        assertEquals(1, smsc.binds().size());
    }

    @Test
    void unbind_fromTheSmsc_answeredThenRebindsAndReceivesAgain() throws Exception {
        CloudhopperSmsc smsc = smsc();
        Gateway gateway = gateway(smsc);

        smsc.unbind();

        assertEquals(List.of(ROK), smsc.unbindResponses(), "unbind_resp from the gateway");
        awaitBound(gateway, smsc, 1);
        await(() -> state(gateway).reconnects() == 1 && state(gateway).isBound(), () -> state(gateway).toString(),
                "the rebind");
        assertEquals(2, smsc.binds().size(), "binds: " + smsc.binds());
        assertTrue(smsc.binds().stream().allMatch(b -> b.status() == ROK), smsc.binds().toString());
        CloudhopperMo mo = new CloudhopperMo("84912000021", "156", UCS2, CloudhopperMo.Coding.UCS2, 1);
        MoAnswers.Answered answered = smsc.deliver(mo, () -> true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(List.of(ROK), answered.statuses());
        assertEquals(UCS2, byReporter(reports(gateway)).get(mo.src()).get(0).rawText());
    }

    @Test
    void close_bound_unbindsAndTheSmscAnswers() throws Exception {
        CloudhopperSmsc smsc = smsc();
        Gateway gateway = gateway(smsc);

        resources.remove(gateway);
        long start = System.nanoTime();
        gateway.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(1, smsc.unbindsReceived(), "unbind from the gateway");
        await(() -> smsc.boundSessions() == 0, () -> smsc.boundSessions() + " bound", "the session closed");
        // an unbind_resp the gateway missed would hold close for the transaction timeout (10 s)
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "close took " + took);
    }

    // ---- set-up ----

    private CloudhopperSmsc smsc() throws Exception {
        CloudhopperSmsc smsc = CloudhopperSmsc.start(SYSTEM_ID, PASSWORD);
        resources.add(smsc);
        return smsc;
    }

    /** The gateway, bound to the SMSC. */
    private Gateway gateway(CloudhopperSmsc smsc) {
        Gateway gateway = start(smsc, UnaryOperator.identity());
        awaitBound(gateway, smsc, 1);
        return gateway;
    }

    /** The gateway on the embedded store in the temporary directory; reconnects after 50 ms; not waited for. */
    private Gateway start(CloudhopperSmsc smsc, UnaryOperator<SmscConfig.Builder> settings) {
        SmscConfig.Builder builder = SmscConfig.builder("ch").address("127.0.0.1", smsc.port())
                .credentials(SYSTEM_ID, PASSWORD).reconnect(Duration.ofMillis(50), Duration.ofSeconds(1));
        GatewayConfig config = GatewayConfig.embedded(dir, Map.of()).withHttp(new HttpConfig("127.0.0.1", 0))
                .withSmscs(List.of(new SmscConfigs.Smsc(settings.apply(builder).build(),
                        new SmscConfigs.SubmitSection(10, 1000, 0.2))));
        Gateway gateway = Gateway.start(config, Clock.systemUTC());
        resources.add(gateway);
        return gateway;
    }

    private static void awaitBound(Gateway gateway, CloudhopperSmsc smsc, int sessions) {
        await(() -> gateway.sessions().get(0).boundCount() == sessions && smsc.boundSessions() == sessions,
                () -> "gateway " + gateway.sessions().get(0).states() + ", SMSC binds " + smsc.binds(), "the bind");
    }

    // ---- reading back ----

    private static BindStatus state(Gateway gateway) {
        return gateway.sessions().get(0).states().get(0);
    }

    private static HttpResponse<String> health(Gateway gateway) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/health"))
                .timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the reply lane holds exactly {@code count} messages, all DELIVERED. */
    private static boolean repliesDelivered(Gateway gateway, int count) {
        QueueDepth depth = gateway.outbound().countByState();
        long total = depth.counts().getOrDefault(Lane.REPLY, Map.of()).values().stream().mapToLong(Long::longValue)
                .sum();
        return total == count && depth.count(Lane.REPLY, OutboundState.DELIVERED) == count;
    }

    private static int total(Map<Integer, Integer> byStatus) {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Accepted submit_sm by destination; fails when a destination got more than one. */
    private static Map<String, CloudhopperSmsc.Submit> onePerDestination(List<CloudhopperSmsc.Submit> submits) {
        Map<String, CloudhopperSmsc.Submit> byDestination = new HashMap<>();
        for (CloudhopperSmsc.Submit s : submits) {
            if (byDestination.put(digits(s.dst()), s) != null) {
                fail("two submit_sm accepted for " + s.dst() + ": " + submits);
            }
        }
        return byDestination;
    }
}
