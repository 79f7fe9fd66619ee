package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.MutableClock;
import vn.smsgw.dispatch.routing.FraudMarkers;
import vn.smsgw.dispatch.routing.RoutingRules;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.OldSchema;
import vn.smsgw.dispatch.store.TestServices;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.text.TextCoding;

/**
 * Migration 21 on a store that holds parts of version 20 (decoded text, keys without the concatenation scheme): open
 * messages still join, decode and time out; parts of messages stored before are still recognised when redelivered.
 */
class PartUpgradeTest {
    private static final Instant T0 = IntakeContract.T0;
    private static final String OPEN = "smsc-a|84912345678|156|77|3";
    private static final String OPEN_MISSING_A_PART = "smsc-a|84912345678|156|80|2";
    private static final String STORED = "smsc-a|84912345678|156|78|2";

    @TempDir
    Path dir;

    @Test
    void sqlite_partsOfVersion19_joinDecodeTimeOutAndDedupeAfterTheUpgrade() throws Exception {
        DatabaseConfig config = DatabaseConfig.sqlite(dir);
        try (Connection c = DriverManager.getConnection(config.url())) {
            storeVersion19Parts(c, Dialect.SQLITE);
        }
        upgradeAndCheck(config);
    }

    @Test
    void postgres_partsOfVersion19_joinDecodeTimeOutAndDedupeAfterTheUpgrade() throws Exception {
        DatabaseConfig config = TestServices.postgresConfig(TestServices.freshPostgresSchema());
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
            storeVersion19Parts(c, Dialect.POSTGRES);
        }
        upgradeAndCheck(config);
    }

    private static void storeVersion19Parts(Connection c, Dialect dialect) throws Exception {
        OldSchema.before(c, dialect, "V21__mo_part_octets.sql");
        Keys keys = new Keys(IntakeContract.KEY);
        oldPart(c, OPEN, 1, 3, "LD 0987654321 goi", keys);
        oldPart(c, OPEN, 2, 3, " gia danh", keys);
        oldGroup(c, OPEN, 2, 3);
        oldPart(c, OPEN_MISSING_A_PART, 1, 2, "V 0987654322 rac", keys);
        oldGroup(c, OPEN_MISSING_A_PART, 1, 2);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mo_part_done (group_key, seq, text_hash, done_at) VALUES (?, 2, ?, ?)")) {
            ps.setString(1, STORED);
            ps.setString(2, keys.textHash(" da xong"));
            ps.setLong(3, T0.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static void oldPart(Connection c, String key, int seq, int total, String text, Keys keys)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mo_part (group_key, seq, total, ref, reporter, "
                + "short_code, smsc_id, body, is_binary, text_hash, received_at) VALUES (?,?,?,?,?,?,?,?,0,?,?)")) {
            ps.setString(1, key);
            ps.setInt(2, seq);
            ps.setInt(3, total);
            ps.setInt(4, Integer.parseInt(key.split("\\|")[3]));
            ps.setString(5, "84912345678");
            ps.setString(6, "156");
            ps.setString(7, "smsc-a");
            ps.setString(8, text);
            ps.setString(9, keys.textHash(text));
            ps.setLong(10, T0.plusSeconds(seq).toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static void oldGroup(Connection c, String key, int parts, int total) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mo_group (group_key, parts, total, first_received_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setInt(2, parts);
            ps.setInt(3, total);
            ps.setLong(4, T0.plusSeconds(1).toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static InboundPart part(ConcatScheme scheme, int ref, int total, int seq, String text) {
        return new InboundPart("84912345678", "156", "smsc-a", T0.plusSeconds(10), new ConcatKey(scheme, ref, total),
                seq, new PartContent.Text(TextCoding.UCS2, PartIntakeContract.ucs2(text)));
    }

    private static void upgradeAndCheck(DatabaseConfig config) {
        MutableClock clock = new MutableClock(T0.plusSeconds(10));
        Database db = Database.open(config);
        try (JdbcIntakeFixture fx = new JdbcIntakeFixture(db);
             Intake intake = new Intake(new Intake.Ports(db, fx.reports(), fx.parts(), fx.counters(),
                     new CountingBlocklists(Set.of()), new RecordingPoliceOutbox(), fx.outbox()),
                     IntakeConfig.defaults(IntakeContract.KEY), RoutingRules.standard(FraudMarkers.defaults()),
                     clock)) {

            assertEquals(new IntakeResult.PartStored(false),
                    intake.acceptPart(part(ConcatScheme.UDH_8BIT_REF, 77, 3, 3, " cong an")));
            assertEquals(new IntakeResult.PartStored(true),
                    intake.acceptPart(part(ConcatScheme.SAR, 78, 2, 2, " da xong")), "stored before the upgrade");
            clock.advance(Duration.ofMinutes(6));
            assertEquals(1, intake.sweepParts());

            List<StoredReport> stored = fx.reports().after(0, 10);
            assertEquals(List.of("LD 0987654321 goi gia danh cong an", "V 0987654322 rac"),
                    stored.stream().map(StoredReport::rawText).toList());
            assertTrue(stored.get(1).flags().contains(ReportFlag.INCOMPLETE));
            int open = db.read(tx -> count(tx, "SELECT COUNT(*) FROM mo_group"));
            int parts = db.read(tx -> count(tx, "SELECT COUNT(*) FROM mo_part"));
            assertEquals(0, open + parts, "no message left open");
        }
    }

    private static int count(Tx tx, String sql) throws Exception {
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
