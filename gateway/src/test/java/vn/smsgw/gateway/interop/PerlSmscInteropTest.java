package vn.smsgw.gateway.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.smsgw.gateway.interop.GatewayReads.byReporter;
import static vn.smsgw.gateway.interop.GatewayReads.digits;
import static vn.smsgw.gateway.interop.GatewayReads.outbound;
import static vn.smsgw.gateway.interop.GatewayReads.reports;
import static vn.smsgw.gateway.interop.InteropWait.await;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.outbound.OutboundStatus;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.process.Gateway;
import vn.smsgw.gateway.smpp.BindState;
import vn.smsgw.gateway.smpp.BindStatus;
import vn.smsgw.gateway.smpp.SmscConfig;

/**
 * The whole gateway against an SMSC built on a third SMPP stack: Perl's Net::SMPP, as Debian packages it, run as a
 * child process ({@code src/test/perl/smsc.pl}). MO in GSM-7, UCS-2 and three UDH parts, replies out, receipts back;
 * and a bind the SMSC refuses. Needs Perl and Net::SMPP (see {@link PerlToolchain}).
 */
class PerlSmscInteropTest {

    private static final String SYSTEM_ID = "smsgw";
    private static final String PASSWORD = "secret";
    private static final String GSM = "LD 0987654321 goi gia danh cong an";
    private static final String UCS2 = "LD 0987654321 gọi giả danh công an";
    /** What the SMSC sends in three UDH parts. */
    private static final String LONG = "LD 0987654321 goi gia danh cong an quan Hoan Kiem, noi toi lien quan den duong"
            + " day rua tien va yeu cau chuyen toan bo tien tiet kiem vao tai khoan an toan de dieu tra. Ho doc dung so"
            + " CCCD va dia chi nha toi, doa bat giam neu khong lam theo trong 30 phut.";

    private PerlToolchain.Installed perl;

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeEach
    void requirePerl() {
        perl = PerlToolchain.require();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void deliverSm_gsm7Ucs2AndConcatenatedFromManyReporters_storedOnceAnsweredOnceAndReceipted() throws Exception {
        int gsm = 300;
        long first = 84_912_300_000L;
        PerlSmsc smsc = smsc("mo=" + gsm, "base=" + first, "ucs2=1", "long=1", "window=20");
        Gateway gateway = gateway(smsc, PASSWORD);
        int count = gsm + 2;
        int pdus = gsm + 1 + 3;

        await(() -> smsc.moAnswered() == pdus, smsc::toString, "deliver_sm_resp to every MO PDU");
        assertEquals(Map.of(0, pdus), smsc.moResponses(), "deliver_sm_resp by status");
        Map<String, List<StoredReport>> stored = byReporter(reports(gateway));
        assertEquals(count, stored.size(), "reporters with a stored report");
        for (long n = first; n < first + count; n++) {
            List<StoredReport> copies = stored.getOrDefault(Long.toString(n), List.of());
            assertEquals(1, copies.size(), "copies stored from " + n);
            assertEquals(n < first + gsm ? GSM : n == first + gsm ? UCS2 : LONG, copies.get(0).rawText(),
                    "text from " + n);
            assertEquals("LD", copies.get(0).command());
            assertEquals("156", copies.get(0).shortCode());
        }

        await(() -> gateway.outbound().countByState().count(Lane.REPLY, OutboundState.DELIVERED) == count,
                () -> "outbound " + gateway.outbound().countByState() + ", " + smsc, count + " replies delivered");
        await(() -> smsc.submits().size() >= count, smsc::toString, "the SMSC's record of " + count + " submit_sm");
        Map<String, PerlSmsc.Submit> submits = onePerDestination(smsc.submits());
        for (List<StoredReport> copies : stored.values()) {
            StoredReport report = copies.get(0);
            PerlSmsc.Submit submit = submits.get(digits(report.reporter()));
            assertTrue(submit != null, "no submit_sm to the reporter of " + report.caseId());
            assertEquals("156", submit.src(), "reply sender");
            assertEquals(1, submit.registeredDelivery() & 1, "a receipt is asked for");
            assertTrue(submit.text().contains(report.caseId().value()), "reply names the case: " + submit.text());
        }
        Map<String, String> idsByDestination = new HashMap<>();
        submits.forEach((dst, s) -> idsByDestination.put(dst, s.messageId()));
        for (OutboundStatus status : outbound(gateway, count)) {
            assertEquals(OutboundState.DELIVERED, status.state(), "state of " + status);
            assertEquals(1, status.parts().size(), "parts of " + status);
            assertTrue(idsByDestination.containsValue(status.parts().get(0).smscMessageId()),
                    "a Net::SMPP message id: " + status);
        }
        await(() -> smsc.receiptResponses().values().stream().mapToInt(Integer::intValue).sum() == count,
                smsc::toString, count + " receipts answered");
        assertEquals(Map.of(0, count), smsc.receiptResponses(), "deliver_sm_resp to receipts by status");
    }

    @Test
    void bind_wrongPassword_refusedByTheSmscAndNotBound() throws Exception {
        PerlSmsc smsc = smsc("mo=1");
        Gateway gateway = startGateway(smsc, "wrongpw");

        await(() -> smsc.refused() >= 1
                        && gateway.sessions().get(0).states().get(0).state() == BindState.AUTH_FAILED,
                () -> smsc + ", gateway " + gateway.sessions().get(0).states(), "the refused bind");
        BindStatus status = gateway.sessions().get(0).states().get(0);
        assertEquals("bind refused with 0x0E", status.lastError(), "the gateway names the SMSC's refusal");
        assertEquals(0, smsc.binds(), "binds accepted");
        assertEquals(0, smsc.moAnswered(), "no MO without a bind");
    }

    // ---- set-up ----

    private PerlSmsc smsc(String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("system_id=" + SYSTEM_ID, "password=" + PASSWORD, "dst=156"));
        all.addAll(List.of(arguments));
        PerlSmsc smsc = PerlSmsc.start(perl, dir, all.toArray(String[]::new));
        resources.add(smsc);
        return smsc;
    }

    private Gateway startGateway(PerlSmsc smsc, String password) {
        GatewayConfig config = GatewayConfig.embedded(dir.resolve("data"), Map.of())
                .withHttp(new HttpConfig("127.0.0.1", 0))
                .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder("perl")
                        .address("127.0.0.1", smsc.port()).credentials(SYSTEM_ID, password).build(),
                        new SmscConfigs.SubmitSection(10, 1000, 0.2))));
        Gateway gateway = Gateway.start(config, Clock.systemUTC());
        resources.add(gateway);
        return gateway;
    }

    private Gateway gateway(PerlSmsc smsc, String password) {
        Gateway gateway = startGateway(smsc, password);
        await(() -> gateway.sessions().get(0).boundCount() == 1 && smsc.binds() == 1,
                () -> "gateway binds " + gateway.sessions().get(0).boundCount() + ", " + smsc + "\n" + smsc.log(),
                "the bind");
        return gateway;
    }

    /** Accepted submit_sm by destination; fails when a destination got more than one. */
    private static Map<String, PerlSmsc.Submit> onePerDestination(List<PerlSmsc.Submit> submits) {
        Map<String, PerlSmsc.Submit> byDestination = new HashMap<>();
        for (PerlSmsc.Submit s : submits) {
            if (byDestination.put(digits(s.dst()), s) != null) {
                fail("two submit_sm for " + s.dst());
            }
        }
        return byDestination;
    }
}
