package vn.smsgw.gateway.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.smsgw.gateway.interop.GatewayReads.byReporter;
import static vn.smsgw.gateway.interop.GatewayReads.digits;
import static vn.smsgw.gateway.interop.GatewayReads.outbound;
import static vn.smsgw.gateway.interop.GatewayReads.reports;
import static vn.smsgw.gateway.interop.InteropWait.await;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.campaign.AudienceFilter;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignAction;
import vn.smsgw.dispatch.campaign.CampaignSpec;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.Creation;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.SendingWindow;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.outbound.OutboundStatus;
import vn.smsgw.dispatch.outbound.QueueDepth;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.process.Gateway;
import vn.smsgw.gateway.smpp.SmscConfig;

/**
 * The whole gateway against an SMSC built on another SMPP stack: the npm {@code smpp} package, run by Node.js as a
 * child process ({@code src/test/node/smsc.js}). MO in several encodings and concatenated, replies out, receipts back,
 * a burst, and throttling by the SMSC. Needs Node.js and npm (see {@link NodeToolchain}).
 */
class NodeSmscInteropTest {

    private static final String SYSTEM_ID = "smsgw";
    private static final String PASSWORD = "secret";
    private static final String ROK = "0x00000000";
    /**
     * Long: no response in these tests is late on purpose, and the close test must tell a close that waited for the
     * timeout from one that was merely slow on a loaded machine.
     */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private static final String GSM = "LD 0987654321 goi gia danh cong an";
    private static final String UCS2 = "LD 0987654321 gọi giả danh công an";
    private static final String GSM_LONG = "LD 0987654321 goi gia danh cong an quan Hoan Kiem, noi toi lien quan den"
            + " duong day rua tien va yeu cau chuyen toan bo tien tiet kiem vao tai khoan an toan de dieu tra. Ho doc"
            + " dung so CCCD va dia chi nha toi, doa bat giam neu khong lam theo trong 30 phut. Gia 100€ @ [ok]";
    private static final String UCS2_LONG = "LD 0987654321 gọi giả danh công an, nói tôi liên quan đường dây rửa tiền,"
            + " yêu cầu chuyển tiền vào tài khoản an toàn. Họ biết số CCCD và địa chỉ nhà tôi, dọa bắt giam.";

    private NodeToolchain.Installed node;

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeEach
    void requireNode() {
        node = NodeToolchain.require();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void deliverSm_gsm7Ucs2AndConcatenated_eachStoredOnceWithExactTextAndAcked() throws Exception {
        NodeSmsc smsc = smsc();
        Gateway gateway = gateway(smsc);
        List<NodeSmsc.Mo> sent = List.of(
                new NodeSmsc.Mo("84912000001", "156", GSM, "gsm", 1),
                new NodeSmsc.Mo("84912000002", "156", UCS2, "ucs2", 1),
                new NodeSmsc.Mo("84912000003", "5656", GSM_LONG, "gsm", 3),
                new NodeSmsc.Mo("84912000004", "156", UCS2_LONG, "ucs2", 3));

        smsc.send(sent);

        await(() -> smsc.stats().moAnswered() == 8, smsc::stats, "deliver_sm_resp for 1 + 1 + 3 + 3 PDUs");
        assertEquals(Map.of(ROK, 8), smsc.stats().moResponses(), "deliver_sm_resp by status");
        Map<String, List<StoredReport>> stored = byReporter(reports(gateway));
        assertEquals(sent.size(), stored.size(), "reporters with a stored report: " + stored.keySet());
        for (NodeSmsc.Mo mo : sent) {
            List<StoredReport> copies = stored.getOrDefault(mo.src(), List.of());
            assertEquals(1, copies.size(), "copies stored of " + mo);
            assertEquals(mo.text(), copies.get(0).rawText(), "text of " + mo);
            assertEquals(mo.dst(), copies.get(0).shortCode(), "short code of " + mo);
            assertEquals("LD", copies.get(0).command(), "command of " + mo);
        }
    }

    @Test
    void submitSm_campaignMessage_nodeReadsItsValidityAsTheEndOfTheCampaignAndAReplyCarriesNone() throws Exception {
        NodeSmsc smsc = smsc();
        Gateway gateway = gateway(smsc);
        Campaigns campaigns = gateway.campaigns();
        Campaign k = assertInstanceOf(Creation.Created.class, campaigns.createWithAudience(
                CampaignSpec.of("validity", "Canh bao lua dao", EncodingMode.AUTO, "BoCongAn", 100)
                        .withWindow(new SendingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
                        .withValidity(Duration.ofHours(6)),
                new BufferedReader(new StringReader("0912345678\n")), AudienceFilter.all(), rows -> { })).campaign();
        campaigns.apply(k.id(), CampaignAction.START);
        smsc.send(List.of(new NodeSmsc.Mo("84912000021", "156", GSM, "gsm", 1)));

        await(() -> smsc.submits().size() == 2, () -> "Node SMSC " + smsc.stats(), "a campaign message and a reply");
        Instant expires = campaigns.find(k.id()).orElseThrow().expiresAt();
        Map<String, NodeSmsc.Submit> submits = onePerDestination(smsc.submits());
        // the format carries tenths of a second
        assertEquals(Instant.ofEpochMilli(expires.toEpochMilli() / 100 * 100),
                Instant.parse(submits.get("84912345678").validity()),
                "the campaign's validity as the npm package reads it");
        assertEquals("", submits.get("84912000021").validity(), "a reply leaves the SMSC its default");
    }

    @Test
    void submitSm_replyToEachStoredReport_deliveredWithTheNodeMessageId() throws Exception {
        NodeSmsc smsc = smsc();
        Gateway gateway = gateway(smsc);
        List<NodeSmsc.Mo> sent = List.of(
                new NodeSmsc.Mo("84912000011", "156", GSM, "gsm", 1),
                new NodeSmsc.Mo("84912000012", "5656", UCS2, "ucs2", 1),
                new NodeSmsc.Mo("84912000013", "156", GSM_LONG, "gsm", 3));

        smsc.send(sent);

        awaitRepliesDelivered(gateway, smsc, sent.size());
        List<StoredReport> reports = reports(gateway);
        Map<String, NodeSmsc.Submit> submits = onePerDestination(smsc.submits());
        assertEquals(sent.size(), submits.size());
        for (StoredReport report : reports) {
            NodeSmsc.Submit submit = submits.get(digits(report.reporter()));
            assertTrue(submit != null, "no submit_sm to the reporter of " + report.caseId());
            assertEquals(report.shortCode(), submit.src(), "reply sender");
            assertTrue(submit.text().contains(report.caseId().value()), "reply names the case: " + submit.text());
            assertTrue(submit.receipt(), "a receipt is asked for");
        }
        Set<String> nodeIds = submits.values().stream().map(NodeSmsc.Submit::messageId).collect(Collectors.toSet());
        assertTrue(nodeIds.stream().allMatch(id -> id.matches("[0-9a-f]+") && id.matches(".*[a-f].*")),
                "hex ids with letters: " + nodeIds);
        Set<String> settledIds = new HashSet<>();
        for (OutboundStatus status : outbound(gateway, sent.size())) {
            assertEquals(OutboundState.DELIVERED, status.state(), "state of outbound " + status);
            assertEquals(1, status.parts().size(), "parts of " + status);
            assertEquals(OutboundState.DELIVERED, status.parts().get(0).state(), "part of " + status);
            settledIds.add(status.parts().get(0).smscMessageId());
        }
        assertEquals(nodeIds, settledIds, "message ids recorded by the gateway");
        awaitReceiptsAnswered(smsc, sent.size());
        assertEquals(Map.of(ROK, sent.size()), smsc.stats().receiptResponses(), "deliver_sm_resp to receipts");
    }

    @Test
    void deliverSm_burstOf2000Reporters_eachStoredOnceAckedAndAnswered() throws Exception {
        int count = 2_000;
        long first = 84_912_100_000L;
        NodeSmsc smsc = smsc();
        Gateway gateway = gateway(smsc);

        smsc.burst(count, first, "156", GSM);

        await(() -> smsc.stats().moAnswered() == count, smsc::stats, "deliver_sm_resp to the burst");
        assertEquals(Map.of(ROK, count), smsc.stats().moResponses(), "deliver_sm_resp by status");
        Map<String, List<StoredReport>> stored = byReporter(reports(gateway));
        assertEquals(count, stored.size(), "reporters with a stored report");
        for (long n = first; n < first + count; n++) {
            List<StoredReport> copies = stored.getOrDefault(Long.toString(n), List.of());
            assertEquals(1, copies.size(), "copies stored from " + n);
            assertEquals(GSM, copies.get(0).rawText());
        }
        awaitRepliesDelivered(gateway, smsc, count);
        assertEquals(stored.keySet(), onePerDestination(smsc.submits()).keySet(), "replies go to the reporters");
        awaitReceiptsAnswered(smsc, count);
        assertEquals(Map.of(ROK, count), smsc.stats().receiptResponses(), "deliver_sm_resp to receipts");
    }

    @Test
    void submitSm_nodeThrottlesEveryTenth_everyReplyDeliveredExactlyOnce() throws Exception {
        int count = 200;
        long first = 84_912_200_000L;
        NodeSmsc smsc = smsc("--throttle-every=10");
        Gateway gateway = gateway(smsc);

        smsc.burst(count, first, "156", GSM);

        awaitRepliesDelivered(gateway, smsc, count);
        NodeStats stats = smsc.stats();
        assertTrue(stats.submitsThrottled() >= count / 10, "submit_sm throttled: " + stats);
        assertEquals(count, stats.submitsAccepted(), "submit_sm accepted: " + stats);
        assertEquals(stats.submitsAccepted() + stats.submitsThrottled(), stats.submitsReceived());
        Map<String, NodeSmsc.Submit> submits = onePerDestination(smsc.submits());
        assertEquals(count, submits.size(), "reporters answered");
        for (long n = first; n < first + count; n++) {
            assertTrue(submits.containsKey(Long.toString(n)), "no reply accepted for " + n);
        }
        awaitReceiptsAnswered(smsc, count);
        assertEquals(Map.of(ROK, count), smsc.stats().receiptResponses(), "deliver_sm_resp to receipts");
    }

    @Test
    void close_nodeClosesOnUnbindWithoutAnswering_returnsBeforeTheTransactionTimeout() throws Exception {
        NodeSmsc smsc = smsc("--on-unbind=drop");
        Gateway gateway = gateway(smsc);
        smsc.send(List.of(new NodeSmsc.Mo("84912000021", "156", GSM, "gsm", 1)));
        awaitRepliesDelivered(gateway, smsc, 1);

        resources.remove(gateway);
        long start = System.nanoTime();
        gateway.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(TRANSACTION_TIMEOUT.dividedBy(3)) < 0, "close took " + took);
    }

    // ---- set-up ----

    private NodeSmsc smsc(String... options) throws Exception {
        List<String> all = new ArrayList<>(List.of("--system-id=" + SYSTEM_ID, "--password=" + PASSWORD));
        all.addAll(List.of(options));
        NodeSmsc smsc = NodeSmsc.start(node, all.toArray(String[]::new));
        resources.add(smsc);
        return smsc;
    }

    private Gateway gateway(NodeSmsc smsc) {
        GatewayConfig config = GatewayConfig.embedded(dir, Map.of()).withHttp(new HttpConfig("127.0.0.1", 0))
                .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder("node")
                        .address("127.0.0.1", smsc.port()).credentials(SYSTEM_ID, PASSWORD)
                        .transactionTimeout(TRANSACTION_TIMEOUT).build(),
                        new SmscConfigs.SubmitSection(10, 1000, 0.2))));
        Gateway gateway = Gateway.start(config, Clock.systemUTC());
        resources.add(gateway);
        await(() -> gateway.sessions().get(0).boundCount() == 1 && smsc.stats().boundSessions() == 1,
                () -> "gateway binds " + gateway.sessions().get(0).boundCount() + ", Node SMSC " + smsc.stats()
                        + "\n" + smsc.log(), "the bind");
        return gateway;
    }

    // ---- reading back ----

    private void awaitRepliesDelivered(Gateway gateway, NodeSmsc smsc, int count) {
        await(() -> {
            QueueDepth depth = gateway.outbound().countByState();
            return depth.count(Lane.REPLY, OutboundState.DELIVERED) == count && total(depth, Lane.REPLY) == count;
        }, () -> "outbound " + gateway.outbound().countByState() + ", Node SMSC " + smsc.stats(), count + " replies delivered");
    }

    /**
     * Waits until the Node SMSC has the deliver_sm_resp to {@code count} receipts: the gateway answers a receipt
     * after committing it, so the store can show DELIVERED before the response has reached the SMSC.
     */
    private static void awaitReceiptsAnswered(NodeSmsc smsc, int count) {
        await(() -> smsc.stats().receiptsAnswered() >= count, smsc::stats, count + " receipts answered");
    }

    private static long total(QueueDepth depth, Lane lane) {
        return depth.counts().getOrDefault(lane, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Accepted submit_sm by destination; fails when a destination got more than one. */
    private static Map<String, NodeSmsc.Submit> onePerDestination(List<NodeSmsc.Submit> submits) {
        Map<String, NodeSmsc.Submit> byDestination = new HashMap<>();
        for (NodeSmsc.Submit s : submits) {
            if (byDestination.put(s.dst(), s) != null) {
                fail("two submit_sm accepted for " + s.dst() + ": " + submits.stream()
                        .filter(o -> o.dst().equals(s.dst())).toList());
            }
        }
        return byDestination;
    }
}
