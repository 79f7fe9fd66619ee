package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.cases.CaseId;

/** Migration 13 on a database that already holds police cases: every row keeps its stored document and state. */
class PoliceDocumentUpgradeTest {
    private static final int BEFORE = Migrations.SCRIPTS.indexOf("V13__police_outbox_reference.sql");
    private static final List<String> EXPECTED = List.of(
            "1|" + CaseId.fromSequence(7).value() + "|{\"caseId\":\"a\"}|PENDING|0|null|null",
            "2|" + CaseId.fromSequence(9).value() + "|{\"caseId\":\"b\"}|ACKED|2|null|null");

    @TempDir
    Path dir;

    @Test
    void sqlite_casesOfVersion12_keepTheirDocuments() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
            assertEquals(EXPECTED, upgrade(c, Dialect.SQLITE));
        }
    }

    @Test
    void postgres_casesOfVersion12_keepTheirDocuments() throws Exception {
        DatabaseConfig config = TestServices.postgresConfig(TestServices.freshPostgresSchema());
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
            assertEquals(EXPECTED, upgrade(c, Dialect.POSTGRES));
        }
    }

    private static List<String> upgrade(Connection c, Dialect dialect) throws Exception {
        Migrations migrations = new Migrations(dialect);
        migrations.apply(c, BEFORE);
        insert(c, 7, "{\"caseId\":\"a\"}", "PENDING", 0);
        insert(c, 9, "{\"caseId\":\"b\"}", "ACKED", 2);
        migrations.apply(c);
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, case_id, payload, state, attempts, carrier, escalated "
                     + "FROM police_outbox ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getInt(5) + "|" + rs.getString(6) + "|" + rs.getObject(7));
            }
        }
        // the next row continues the ids
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO police_outbox (report_id, case_id, created_at, state, attempts, "
                    + "next_attempt_at, carrier, escalated) VALUES (11, 'x', 0, 'PENDING', 0, 0, 'VIETTEL', 0)");
            try (ResultSet rs = st.executeQuery("SELECT id FROM police_outbox WHERE report_id = 11")) {
                rs.next();
                assertEquals(3, rs.getLong(1));
            }
        }
        return out;
    }

    private static void insert(Connection c, long report, String payload, String state, int attempts)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO police_outbox (report_id, case_id, payload, "
                + "created_at, state, attempts, next_attempt_at) VALUES (?, ?, ?, 0, ?, ?, 0)")) {
            ps.setLong(1, report);
            ps.setString(2, CaseId.fromSequence(report).value());
            ps.setString(3, payload);
            ps.setString(4, state);
            ps.setInt(5, attempts);
            ps.executeUpdate();
        }
    }
}
