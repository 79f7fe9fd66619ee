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

/**
 * Migrations 14 and 15 on databases that already hold reports: on SQLite every row kept and one secondary index left,
 * on PostgreSQL the index on commit time dropped.
 */
class ReportIndexesUpgradeTest {
    private static final int BEFORE = Migrations.SCRIPTS.indexOf("V14__sqlite_report_indexes.sql");
    private static final String COLUMNS = "id, case_id, dedupe_key, received_at, committed_at, reporter, short_code, "
            + "smsc_id, form, raw_text, command, source, source_type, carrier, content, error, flags, "
            + "reporters_so_far, dedupe_hash";

    @TempDir
    Path dir;

    @Test
    void sqlite_reportsOfVersion13_keptWithOnlyTheReceivedIndex() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
            Migrations migrations = new Migrations(Dialect.SQLITE);
            migrations.apply(c, BEFORE);
            // a row of version 8 or before (key in dedupe_key) and one of version 9 on (key in dedupe_hash)
            insert(c, new Object[] {3L, "C3", "k3", 100L, 101L, "84912345678", "156", "smsc-a", "COMPLETE",
                "V 0987654321 rac", "V", "84987654321", "MSISDN", "VIETTEL", "rac", "", 0, 1, null});
            insert(c, new Object[] {8L, "C8", null, 200L, 205L, "84912345679", "5656", "smsc-b", "COMPLETE",
                "xin chao", null, null, null, null, null, "UNKNOWN_COMMAND", 4, 0, "h8"});
            List<String> before = rows(c);
            List<String> columnsBefore = columns(c);
            migrations.apply(c);

            assertEquals(before, rows(c));
            assertEquals(columnsBefore, columns(c));
            assertEquals(List.of("report_received"), indexes(c));
            // the next report continues the ids and a dedupe key may repeat once it is no longer unique
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO report (case_id, dedupe_key, received_at, committed_at, reporter, "
                        + "short_code, smsc_id, form, raw_text, flags, reporters_so_far) "
                        + "VALUES ('C9', 'k3', 300, 300, 'r', '156', 's', 'COMPLETE', 't', 0, 0)");
                try (ResultSet rs = st.executeQuery("SELECT id FROM report WHERE case_id = 'C9'")) {
                    rs.next();
                    assertEquals(9, rs.getLong(1));
                }
            }
        }
    }

    @Test
    void postgres_version15_dropsOnlyTheCommitTimeIndex() throws Exception {
        DatabaseConfig config = TestServices.postgresConfig(TestServices.freshPostgresSchema());
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
            Migrations migrations = new Migrations(Dialect.POSTGRES);
            migrations.apply(c, Migrations.SCRIPTS.indexOf("V15__postgres_drop_report_committed.sql"));
            assertEquals(List.of("report_committed", "report_dedupe_key_key", "report_pkey", "report_received"),
                    postgresIndexes(c));
            migrations.apply(c);
            assertEquals(List.of("report_dedupe_key_key", "report_pkey", "report_received"), postgresIndexes(c));
        }
    }

    private static List<String> postgresIndexes(Connection c) throws Exception {
        return SqlRows.firstColumn(c, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND tablename = 'report' ORDER BY indexname");
    }

    private static void insert(Connection c, Object[] values) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report (" + COLUMNS + ") VALUES ("
                + "?,".repeat(values.length - 1) + "?)")) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private static List<String> rows(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM report ORDER BY id")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** Name, type, NOT NULL and primary-key position of every column, in order. */
    private static List<String> columns(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(report)")) {
            while (rs.next()) {
                out.add(rs.getString("name") + " " + rs.getString("type") + " " + rs.getInt("notnull") + " "
                        + rs.getInt("pk"));
            }
        }
        return out;
    }

    private static List<String> indexes(Connection c) throws Exception {
        return SqlRows.firstColumn(c,
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'report' ORDER BY name");
    }
}
