package vn.smsgw.dispatch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundQueue;
import vn.smsgw.dispatch.outbound.PartId;
import vn.smsgw.dispatch.outbound.QueuedSms;
import vn.smsgw.dispatch.outbound.Settlement;
import vn.smsgw.dispatch.outbound.SubmitOutcome;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

/**
 * Two smsgw processes (two pools on one PostgreSQL schema, each with its runner and a submitter draining the queue)
 * share one running campaign: both move recipients, and no recipient is queued or submitted twice.
 */
class PostgresTwoProcessCampaignTest {
    static final int RECIPIENTS = 5_000;

    @Test
    void runners_twoProcessesOnOneCampaign_bothProgressAndNoRecipientTwice() throws Exception {
        String schema = TestServices.freshPostgresSchema();
        Clock clock = Clock.systemUTC();
        try (Database a = Database.open(TestServices.postgresConfig(schema));
             Database b = Database.open(TestServices.postgresConfig(schema))) {
            Campaigns ca = new Campaigns(a, clock);
            Campaign k = ca.create(CampaignSpec.of("shared", "Canh bao lua dao", EncodingMode.AUTO, "156", 50_000)
                    .withWindow(new SendingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < RECIPIENTS; i++) {
                lines.append(String.format("0912%06d%n", i));
            }
            ca.importAudience(k.id(), new BufferedReader(new StringReader(lines.toString())), AudienceFilter.all(),
                    rows -> { });
            ca.apply(k.id(), CampaignAction.START);
            CampaignRunner.RunnerSettings small = new CampaignRunner.RunnerSettings(Duration.ofMillis(5), 50, 1,
                    Duration.ofSeconds(1), Duration.ofSeconds(2));
            CampaignRunner ra = new CampaignRunner(ca, clock, small);
            CampaignRunner rb = new CampaignRunner(new Campaigns(b, clock), clock, small);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (Object[] p : new Object[][] {{ra, a, "a"}, {rb, b, "b"}}) {
                    CampaignRunner r = (CampaignRunner) p[0];
                    OutboundQueue q = new JdbcOutboundQueue((Database) p[1], clock);
                    String owner = "process-" + p[2];
                    work.add(pool.submit(() -> {
                        while (ca.find(k.id()).orElseThrow().state() != CampaignState.DONE) {
                            r.runOnce();
                        }
                        return null;
                    }));
                    work.add(pool.submit(() -> {
                        while (ca.find(k.id()).orElseThrow().state() != CampaignState.DONE) {
                            List<Settlement> s = new ArrayList<>();
                            for (QueuedSms m : q.claim(Lane.CAMPAIGN, 100, owner, Duration.ofSeconds(30))) {
                                s.add(new Settlement(m.id(), owner, new SubmitOutcome.Submitted(List.of(
                                        new PartId(1, "m" + m.id(), List.of("m" + m.id()))))));
                            }
                            q.settle(s);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(ra.moved() > 0 && rb.moved() > 0, "both processes moved recipients: " + ra.moved() + " + "
                    + rb.moved());
            assertEquals(RECIPIENTS, ra.moved() + rb.moved());
            assertEquals(RECIPIENTS, ca.counts(k.id()).count(RecipientState.SUBMITTED));
            try (Connection c = a.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT destination) FROM outbound "
                         + "WHERE case_id = '" + k.caseId() + "'")) {
                rs.next();
                assertEquals(RECIPIENTS, rs.getLong(1), "one outbound message per recipient");
                assertEquals(RECIPIENTS, rs.getLong(2));
            }
        }
    }
}
