package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 18 on a store whose reporter counters are still a row per reporter and day and a row per reporter and
 * hour: each reporter keeps its newest day and newest hour, in one row.
 */
class ReporterCountUpgradeTest {
    private static final int BEFORE = Migrations.SCRIPTS.indexOf("V18__reporter_count.sql");
    private static final String COUNTS = "SELECT reporter || ' ' || day || ' ' || reports || ' ' || hour || ' ' "
            + "|| replies FROM reporter_count ORDER BY reporter";

    @TempDir
    Path dir;

    @Test
    void postgres_newestDayAndHourOfEachReporterCarriedOver() throws Exception {
        String schema = TestServices.freshPostgresSchema();
        String url = "jdbc:postgresql://" + TestServices.PG_HOST + ":" + TestServices.PG_PORT + "/test?currentSchema="
                + schema;
        try (Connection c = DriverManager.getConnection(url, TestServices.PG_USER, "")) {
            upgrade(c, new Migrations(Dialect.POSTGRES));
        }
    }

    @Test
    void sqlite_newestDayAndHourOfEachReporterCarriedOver() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
            upgrade(c, new Migrations(Dialect.SQLITE));
        }
    }

    private static void upgrade(Connection c, Migrations migrations) throws Exception {
        migrations.apply(c, BEFORE);
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO reporter_day (reporter, day, reports) VALUES ('84911000001', 20000, 7), "
                    + "('84911000001', 20001, 2), ('84911000002', 19990, 30)");
            st.execute("INSERT INTO reporter_hour (reporter, hour, replies) VALUES ('84911000001', 480000, 9), "
                    + "('84911000001', 480024, 1), ('84911000003', 480010, 4)");
        }

        migrations.apply(c);

        assertEquals(List.of("84911000001 20001 2 480024 1", "84911000002 19990 30 0 0", "84911000003 0 0 480010 4"),
                SqlRows.firstColumn(c, COUNTS));
        for (String old : List.of("reporter_day", "reporter_hour")) {
            assertThrows(SQLException.class, () -> SqlRows.firstColumn(c, "SELECT COUNT(*) FROM " + old), old);
        }
        assertEquals(List.of(String.valueOf(Migrations.SCRIPTS.size())),
                SqlRows.firstColumn(c, "SELECT MAX(version) FROM schema_version"));
    }
}
