package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.cases.CaseId;

/** Migration 11 on a database that already holds police cases: each outbox row gets its report's id. */
class PoliceOutboxUpgradeTest {
    private static final int BEFORE = Migrations.SCRIPTS.indexOf("V11__police_outbox_report_id.sql");

    @TempDir
    Path dir;

    @Test
    void sqlite_casesOfVersion10_keyedByTheirReportIds_orphanGetsAPlaceholder() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(expected(), upgrade(c, Dialect.SQLITE));
        }
    }

    @Test
    void postgres_casesOfVersion10_keyedByTheirReportIds_orphanGetsAPlaceholder() throws Exception {
        String schema = TestServices.freshPostgresSchema();
        DatabaseConfig config = TestServices.postgresConfig(schema);
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
            assertEquals(expected(), upgrade(c, Dialect.POSTGRES));
        }
    }

    /** Case id → report id after the upgrade: reports 7 and 9 have cases, and one case lost its report. */
    private static Map<String, Long> expected() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(CaseId.fromSequence(7).value(), 7L);
        m.put(CaseId.fromSequence(9).value(), 9L);
        m.put(CaseId.fromSequence(11).value(), -3L); // outbox id 3, no report
        return m;
    }

    private static Map<String, Long> upgrade(Connection c, Dialect dialect) throws Exception {
        Migrations migrations = new Migrations(dialect);
        migrations.apply(c, BEFORE);
        for (long report : new long[] {7, 8, 9}) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report (id, case_id, received_at, "
                    + "committed_at, reporter, short_code, smsc_id, form, raw_text, flags, reporters_so_far) "
                    + "VALUES (?, ?, 0, 0, '84912345678', '156', 'smsc', 'TEXT', 'LD 0987654321', 0, 0)")) {
                ps.setLong(1, report);
                ps.setString(2, CaseId.fromSequence(report).value());
                ps.executeUpdate();
            }
        }
        for (long report : new long[] {7, 9, 11}) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO police_outbox (case_id, payload, created_at, "
                    + "state, attempts, next_attempt_at) VALUES (?, '{}', 0, 'PENDING', 0, 0)")) {
                ps.setString(1, CaseId.fromSequence(report).value());
                ps.executeUpdate();
            }
        }
        migrations.apply(c);
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT case_id, report_id FROM police_outbox ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
