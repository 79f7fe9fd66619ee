package vn.smsgw.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.intake.InboundSms;
import vn.smsgw.dispatch.intake.IntakeConfig;
import vn.smsgw.dispatch.intake.IntakeResult;
import vn.smsgw.dispatch.intake.ReportFlag;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.police.PoliceDelivery;
import vn.smsgw.dispatch.police.RabbitPoliceConfig;
import vn.smsgw.dispatch.routing.FraudMarkers;
import vn.smsgw.dispatch.routing.RouteAction;
import vn.smsgw.dispatch.routing.RoutingRule;
import vn.smsgw.dispatch.routing.RoutingRules;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;
import vn.smsgw.parser.report.Command;

/** Dispatch assembled over real stores: a report's way to the blocklist export and the police queue. */
class DispatchTest {
    @TempDir
    Path dir;

    private static InboundSms mo(String reporter, String text) {
        return InboundSms.text(reporter, "156", text, "smsc-a", Instant.now());
    }

    @Test
    void intakeWriters_oneOnSqliteWhateverConfigured_twoOnPostgresUnlessConfigured() {
        IntakeConfig base = IntakeConfig.defaults("dispatch-test-key-0001");
        try (Database sqlite = TestServices.sqlite(dir)) {
            assertEquals(1, Dispatch.withWriters(base, sqlite).writers());
            assertEquals(1, Dispatch.withWriters(base.withWriters(4), sqlite).writers());
        }
        try (Database pg = TestServices.postgres()) {
            assertEquals(2, Dispatch.withWriters(base, pg).writers());
            assertEquals(1, Dispatch.withWriters(base.withWriters(1), pg).writers());
            assertEquals(3, Dispatch.withWriters(base.withWriters(3), pg).writers());
            assertEquals(1, Dispatch.withWriters(base.withQueueCapacity(1), pg).writers(),
                    "no more writers than the queue has places");
        }
    }

    @Test
    void intakeConfig_fewerQueuePlacesThanWriters_isRefusedNamingTheSetting() {
        IntakeConfig base = IntakeConfig.defaults("dispatch-test-key-0001");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> base.withQueueCapacity(3).withWriters(4));
        assertTrue(e.getMessage().startsWith("queueCapacity must be at least writers (4)"), e.getMessage());
        assertEquals(4, base.withQueueCapacity(4).withWriters(4).writers());
    }

    @Test
    void open_sqlite_threeFraudReportsListTheNumberAndQueuePoliceCases() {
        try (Database db = TestServices.sqlite(dir);
             Dispatch d = Dispatch.open(db, DispatchSettings.defaults("dispatch-test-key-0001"), Clock.systemUTC())) {
            for (int i = 1; i <= 3; i++) {
                assertInstanceOf(IntakeResult.Stored.class,
                        d.intake().accept(mo("8491234567" + i, "LD 0987654321 gia danh cong an")));
            }
            StringWriter csv = new StringWriter();
            d.export().writeCsv("VIETTEL", csv);
            assertTrue(csv.toString().contains("+84987654321"), csv.toString());
            assertFalse(csv.toString().contains("84912345671"), "no reporter in exports");
            List<PoliceDelivery> cases = d.police().pull(10);
            assertEquals(3, cases.size());
            assertTrue(cases.get(2).payload().contains("\"reporters\":3"), cases.get(2).payload());
            assertTrue(d.police().ack(cases.get(0).caseId()));
            assertEquals(0, d.police().pull(10).size(), "pulled cases stay invisible until the visibility timeout");
            assertEquals(3, d.police().after(0, 10).size());
        }
    }

    @Test
    void open_configuredRouting_fraudReportsGoToThePoliceOnlyAndCountOnNoBlocklist() {
        RoutingRules policeOnly = new RoutingRules(List.of(new RoutingRule("fraud-to-police", Set.of(Command.LD),
                Set.of(), false, Set.of(RouteAction.POLICE_CASE))), Set.of(), new FraudMarkers(List.of()));
        try (Database db = TestServices.sqlite(dir);
             Dispatch d = Dispatch.open(db, DispatchSettings.defaults("dispatch-test-key-0001")
                     .withRouting(policeOnly), Clock.systemUTC())) {
            for (int i = 1; i <= 3; i++) {
                d.intake().accept(mo("8491234567" + i, "LD 0987654321 gia danh cong an"));
            }
            d.intake().accept(mo("84912345674", "V 0987654321 goi lam phien"));

            StringWriter csv = new StringWriter();
            d.export().writeCsv("VIETTEL", csv);
            assertFalse(csv.toString().contains("+84987654321"), csv.toString());
            assertEquals(3, d.police().after(0, 10).size());
            assertEquals(4, d.reports().after(0, 10).size());
        }
    }

    @Test
    void open_sqlite_allowlistedShortCodeIsNeverListedAndAnotherIs() {
        try (Database db = TestServices.sqlite(dir);
             Dispatch d = Dispatch.open(db, DispatchSettings.defaults("dispatch-test-key-0001"), Clock.systemUTC())) {
            for (int i = 1; i <= 5; i++) {
                d.intake().accept(mo("8491234567" + i, "S 113 tin nhan gia mao"));
                d.intake().accept(mo("8491234567" + i, "S 9029 tin nhan rac"));
            }
            StringWriter csv = new StringWriter();
            d.export().writeCsv("SENDER", csv);
            assertTrue(csv.toString().contains("SENDER,9029,"), "the control, reported as often, is listed: " + csv);
            assertFalse(csv.toString().contains(",113,"), csv.toString());
        }
    }

    @Test
    void open_sqlite_brandnameInAnyCaseIsOneSenderEntry() {
        try (Database db = TestServices.sqlite(dir);
             Dispatch d = Dispatch.open(db, DispatchSettings.defaults("dispatch-test-key-0001"), Clock.systemUTC())) {
            String[] spellings = {"FakeBank", "FAKEBANK", "fakebank", "Fakebank", "fAKEBANK"};
            for (int i = 1; i <= 5; i++) {
                d.intake().accept(mo("8491234567" + i, "S " + spellings[i - 1] + " khoa tai khoan, bam link"));
            }
            StringWriter csv = new StringWriter();
            d.export().writeCsv("SENDER", csv);

            assertTrue(csv.toString().contains("SENDER,FAKEBANK,BRANDNAME,5,"), "five reporters, one entry: " + csv);
        }
    }

    @Test
    void open_sqlite_allowlistedBrandnameCoversEverySpelling() {
        try (Database db = TestServices.sqlite(dir);
             Dispatch d = Dispatch.open(db, DispatchSettings.defaults("dispatch-test-key-0001"), Clock.systemUTC())) {
            d.admin().allow("Vietcombank", "the bank's sender", "op1");
            IntakeResult r = d.intake().accept(mo("84912345671", "S VIETCOMBANK tin nhan la"));

            StoredReport stored = d.reports().find(((IntakeResult.Stored) r).caseId()).orElseThrow();
            assertTrue(stored.flags().contains(ReportFlag.ALLOWLISTED), stored.flags().toString());
            assertEquals(1, d.admin().auditTrail("vietcombank").size(), "the audit trail under any spelling");
        }
    }

    @Test
    void open_postgresWithRabbit_policeCasesReachTheQuorumQueue() throws Exception {
        TestServices.requireRabbit();
        String queue = "smsgw.police.test." + UUID.randomUUID();
        RabbitPoliceConfig rabbit = RabbitPoliceConfig.of(TestServices.RABBIT_HOST, TestServices.RABBIT_PORT,
                "guest", "guest").withQueue(queue);
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(TestServices.RABBIT_HOST);
        f.setPort(TestServices.RABBIT_PORT);
        try (Database db = TestServices.postgres();
             Dispatch d = Dispatch.open(db, DispatchSettings.defaults("dispatch-test-key-0001").withRabbit(rabbit),
                     Clock.systemUTC());
             Connection c = f.newConnection();
             Channel ch = c.createChannel()) {
            Set<String> sent = new HashSet<>();
            for (int i = 1; i <= 20; i++) {
                IntakeResult r = d.intake().accept(mo("849123456" + (10 + i), "LD 0987654321 lua dao " + i));
                sent.add(((IntakeResult.Stored) r).caseId().value());
            }
            try {
                Set<String> received = new HashSet<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                boolean declared = false;
                while (received.size() < sent.size() && System.nanoTime() < deadline) {
                    declared = declared || queueReady(c, queue);
                    GetResponse g = declared ? ch.basicGet(queue, true) : null;
                    if (g == null) {
                        // poll, do not spin: the relay and the broker need the CPU to get the cases there
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                        continue;
                    }
                    received.add(g.getProps().getMessageId());
                    assertTrue(new String(g.getBody(), StandardCharsets.UTF_8).contains("\"schemaVersion\":1"));
                }
                assertEquals(sent, received);
            } finally {
                ch.queueDelete(queue);
            }
        }
    }

    /**
     * Whether the relay has declared the queue and a case has reached it; a failed passive declare closes its channel,
     * so use a new one.
     */
    private static boolean queueReady(Connection c, String queue) throws Exception {
        Channel probe = c.createChannel();
        try {
            // a case in it, as the queue's own process counts them: right after the declare, a basic.get could
            // still find no process behind a quorum queue and the broker then closed the whole connection
            // (INTERNAL_ERROR, noproc, seen once in a full test run)
            int cases = probe.queueDeclarePassive(queue).getMessageCount();
            probe.close();
            return cases > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
