package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void statements_postgresOnlyStatement_isDroppedForSqlite() {
        String script = "CREATE TABLE a (id {{ID}});\n-- postgres-only\nCREATE SEQUENCE s;\nCREATE TABLE b (x INT);\n";
        List<String> sqlite = new Migrations(Dialect.SQLITE).statements(script);
        List<String> pg = new Migrations(Dialect.POSTGRES).statements(script);
        assertEquals(List.of("CREATE TABLE a (id INTEGER PRIMARY KEY);", "CREATE TABLE b (x INT);"), sqlite);
        assertEquals(3, pg.size());
        assertEquals("CREATE TABLE a (id BIGINT PRIMARY KEY);", pg.get(0));
    }

    @Test
    void open_sqliteTwice_appliesEachScriptOnce() throws Exception {
        try (Database db = TestServices.sqlite(dir)) {
            assertEquals(Migrations.SCRIPTS.size(), version(db));
        }
        try (Database db = TestServices.sqlite(dir)) {
            assertEquals(Migrations.SCRIPTS.size(), version(db));
        }
    }

    @Test
    void open_sqlite_usesWalJournal() {
        try (Database db = TestServices.sqlite(dir)) {
            String mode = db.inTransaction(tx -> {
                try (Statement st = JdbcTx.of(tx).connection().createStatement();
                     ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals("wal", mode.toLowerCase());
        }
    }

    @Test
    void open_postgres_appliesEveryScript() {
        try (Database db = TestServices.postgres()) {
            assertEquals(Migrations.SCRIPTS.size(), version(db));
        }
    }

    @Test
    void inTransaction_workThrows_rollsBack() {
        try (Database db = TestServices.sqlite(dir)) {
            boolean failed = false;
            try {
                db.inTransaction(tx -> {
                    try (Statement st = JdbcTx.of(tx).connection().createStatement()) {
                        st.execute("INSERT INTO allowlist (source, note, origin, added_at) VALUES ('113', 'x', 't', 0)");
                    }
                    throw new IllegalStateException("boom");
                });
            } catch (StorageException e) {
                failed = true;
            }
            assertTrue(failed);
            int rows = db.inTransaction(tx -> {
                try (Statement st = JdbcTx.of(tx).connection().createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM allowlist")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(0, rows);
            assertFalse(db.dialect() == Dialect.POSTGRES);
        }
    }

    private static int version(Database db) {
        return db.inTransaction(tx -> {
            try (Statement st = JdbcTx.of(tx).connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
