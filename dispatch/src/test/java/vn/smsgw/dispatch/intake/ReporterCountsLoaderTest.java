package vn.smsgw.dispatch.intake;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.outbound.JdbcOutbox;
import vn.smsgw.dispatch.routing.FraudMarkers;
import vn.smsgw.dispatch.routing.RoutingRules;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.TestServices;

/** The embedded store's in-memory reporter counters survive a restart by being rebuilt from stored reports. */
class ReporterCountsLoaderTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(IntakeContract.T0);

    private Intake intake(Database db, IntakeConfig config) {
        return new Intake(new Intake.Ports(db, new JdbcReportStore(db), new JdbcPartStore(),
                ReporterCountsLoader.load(db, clock), new CountingBlocklists(Set.of()),
                new RecordingPoliceOutbox(), new JdbcOutbox()), config, RoutingRules.standard(FraudMarkers.defaults()),
                clock);
    }

    @Test
    void load_afterRestart_quotaAndReplyLimitContinue() {
        IntakeConfig config = IntakeConfig.defaults(IntakeContract.KEY).withDailyQuota(3).withRepliesPerHour(4);
        try (Database db = TestServices.sqlite(dir); Intake first = intake(db, config)) {
            for (int i = 0; i < 3; i++) {
                first.accept(IntakeContract.mo("84912345678", "V 098765432" + i + " rac"));
            }
        }
        try (Database db = TestServices.sqlite(dir); Intake second = intake(db, config)) {
            IntakeResult.Stored fourth = (IntakeResult.Stored) second.accept(
                    IntakeContract.mo("84912345678", "V 0987654329 rac"));
            StoredReport r = new JdbcReportStore(db).find(fourth.caseId()).orElseThrow();
            assertTrue(r.flags().contains(ReportFlag.OVER_QUOTA), "quota counted before the restart");
            IntakeResult.Stored fifth = (IntakeResult.Stored) second.accept(IntakeContract.mo("84912345678", "hello"));
            assertTrue(new JdbcReportStore(db).find(fifth.caseId()).orElseThrow().flags()
                    .contains(ReportFlag.REPLY_SUPPRESSED), "4 replies this hour, the fifth is suppressed");
        }
    }

    @Test
    void load_nextDay_startsFromZero() {
        IntakeConfig config = IntakeConfig.defaults(IntakeContract.KEY).withDailyQuota(1);
        try (Database db = TestServices.sqlite(dir); Intake first = intake(db, config)) {
            first.accept(IntakeContract.mo("84912345678", "V 0987654321 rac"));
        }
        clock.advance(Duration.ofDays(1));
        try (Database db = TestServices.sqlite(dir); Intake second = intake(db, config)) {
            IntakeResult.Stored s = (IntakeResult.Stored) second.accept(
                    IntakeContract.mo("84912345678", "V 0987654322 rac"));
            assertFalse(new JdbcReportStore(db).find(s.caseId()).orElseThrow().flags()
                    .contains(ReportFlag.OVER_QUOTA));
        }
    }

    @Test
    void load_reportReceivedDaysBeforeItsCommit_countsOnItsCommitDay() {
        IntakeConfig config = IntakeConfig.defaults(IntakeContract.KEY).withDailyQuota(1);
        // received two days before T0 (a concatenated message whose parts were swept late), committed at T0
        InboundSms late = InboundSms.text("84912345678", "156", "V 0987654321 rac", "smsc-a",
                IntakeContract.T0.minus(Duration.ofHours(47)));
        try (Database db = TestServices.sqlite(dir); Intake first = intake(db, config)) {
            first.accept(late);
        }
        try (Database db = TestServices.sqlite(dir); Intake second = intake(db, config)) {
            IntakeResult.Stored s = (IntakeResult.Stored) second.accept(
                    IntakeContract.mo("84912345678", "V 0987654322 rac"));
            assertTrue(new JdbcReportStore(db).find(s.caseId()).orElseThrow().flags()
                    .contains(ReportFlag.OVER_QUOTA), "the report committed today counted against today's quota");
        }
    }

    @Test
    void firstCommittedSince_idsWithGaps_findsTheFirstRowCommittedSince() {
        try (Database db = TestServices.sqlite(dir)) {
            long[][] rows = {{1, 100}, {2, 200}, {5, 300}, {9, 400}, {10, 500}};
            db.inTransaction(tx -> {
                Connection c = JdbcTx.of(tx).connection();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO report (id, case_id, received_at, "
                        + "committed_at, reporter, short_code, smsc_id, form, raw_text, flags, reporters_so_far) "
                        + "VALUES (?, 'c', 0, ?, 'r', '156', 's', 'COMPLETE', 't', 0, 0)")) {
                    for (long[] row : rows) {
                        ps.setLong(1, row[0]);
                        ps.setLong(2, row[1]);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
            assertEquals(List.of(5L, 9L, 10L), idsFrom(db, 300));
            assertEquals(List.of(5L, 9L, 10L), idsFrom(db, 250));
            assertEquals(List.of(1L, 2L, 5L, 9L, 10L), idsFrom(db, 0));
            assertEquals(List.of(), idsFrom(db, 501));
        }
    }

    /** The ids at or after the first one committed at or after {@code since}. */
    private static List<Long> idsFrom(Database db, long since) {
        return db.read(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM report WHERE id >= ? ORDER BY id")) {
                ps.setLong(1, ReporterCountsLoader.firstCommittedSince(c, since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    @Test
    void add_rolledBackTransaction_countsNothing() {
        InMemoryReporterCounters counters = new InMemoryReporterCounters();
        vn.smsgw.dispatch.store.InMemoryTransactions tx = new vn.smsgw.dispatch.store.InMemoryTransactions();
        try {
            tx.inTransaction(t -> {
                counters.add(t, 1, java.util.Map.of("a", 1), 1, java.util.Map.of());
                throw new IllegalStateException("rollback");
            });
        } catch (RuntimeException expected) {
            // rolled back
        }
        assertEquals(java.util.Map.of("a", 1), tx.inTransaction(t -> counters.add(t, 1, java.util.Map.of("a", 1), 1,
                java.util.Map.of())).reports());
    }
}
