package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbcTx#statement}: kept prepared across transactions on SQLite, per transaction on PostgreSQL. */
class StatementsTest {
    @TempDir
    Path dir;

    /** One pooled connection, so that consecutive transactions run on the same one. */
    private Database sqliteOneConnection() {
        return Database.open(new DatabaseConfig("jdbc:sqlite:" + dir.resolve("smsgw.db"), "", "", SqliteSync.FULL, 1));
    }

    private static int plusOne(PreparedStatement ps, int v) throws SQLException {
        ps.setInt(1, v);
        try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    @Test
    void sqlite_sameSqlInLaterTransactions_sameOpenStatement_closedWithTheDatabase() {
        PreparedStatement first;
        try (Database db = sqliteOneConnection()) {
            first = db.read(tx -> {
                PreparedStatement ps = JdbcTx.of(tx).statement("SELECT ? + 1");
                assertEquals(42, plusOne(ps, 41));
                return ps;
            });
            assertFalse(isClosed(first), "kept open after its transaction");
            PreparedStatement again = db.inTransaction(tx -> {
                PreparedStatement ps = JdbcTx.of(tx).statement("SELECT ? + 1");
                assertEquals(2, plusOne(ps, 1));
                assertNotSame(ps, JdbcTx.of(tx).statement("SELECT ? + 2"));
                return ps;
            });
            assertSame(first, again);
        }
        assertTrue(isClosed(first), "closed when the database closes");
    }

    @Test
    void sqlite_insert_runsNoKeyQueryBehindIt_keysComeFromReturning() {
        try (Database db = sqliteOneConnection()) {
            long id = db.inTransaction(tx -> {
                JdbcTx jtx = JdbcTx.of(tx);
                jtx.connection().createStatement().execute("CREATE TABLE k (id INTEGER PRIMARY KEY, a text)");
                PreparedStatement ps = jtx.statement("INSERT INTO k (a) VALUES (?)");
                ps.setString(1, "x");
                assertEquals(1, ps.executeUpdate());
                // the driver's default would have run SELECT last_insert_rowid() and kept its row here
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertFalse(keys.next(), "no key query after an insert");
                }
                PreparedStatement returning = jtx.statement("INSERT INTO k (a) VALUES (?) RETURNING id");
                returning.setString(1, "y");
                try (ResultSet rs = returning.executeQuery()) {
                    assertTrue(rs.next());
                    return rs.getLong(1);
                }
            });
            assertEquals(2L, id);
        }
    }

    @Test
    void sqlite_multiRowStatementOfASize_reusedByTheNextGroupOfThatSize() {
        try (Database db = sqliteOneConnection()) {
            db.inTransaction(tx -> {
                JdbcTx.of(tx).connection().createStatement().execute("CREATE TABLE t (a text, b bigint)");
                return null;
            });
            List<PreparedStatement> used = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                long base = round * 10L;
                db.inTransaction(tx -> {
                    MultiRow rows = new MultiRow(Dialect.SQLITE, "text", "bigint");
                    rows.add("x", base).add("y", base + 1);
                    rows.forEachChunk(JdbcTx.of(tx), src -> "INSERT INTO t (a, b) " + src, ps -> {
                        used.add(ps);
                        assertEquals(2, ps.executeUpdate());
                    });
                    return null;
                });
            }
            assertSame(used.get(0), used.get(1));
            long sum = db.read(tx -> {
                try (ResultSet rs = JdbcTx.of(tx).connection().createStatement()
                        .executeQuery("SELECT SUM(b), COUNT(*) FROM t")) {
                    rs.next();
                    assertEquals(4, rs.getInt(2));
                    return rs.getLong(1);
                }
            });
            assertEquals(0 + 1 + 10 + 11, sum);
        }
    }

    @Test
    void sqlite_failedMultiRowStatement_discarded_andTheNextUseWorks() {
        try (Database db = sqliteOneConnection()) {
            db.inTransaction(tx -> {
                JdbcTx.of(tx).connection().createStatement().execute("CREATE TABLE u (a text PRIMARY KEY)");
                return null;
            });
            List<PreparedStatement> used = new ArrayList<>();
            MultiRow.Sql insert = src -> "INSERT INTO u (a) " + src;
            assertThrows(StorageException.class, () -> db.inTransaction(tx -> {
                MultiRow rows = new MultiRow(Dialect.SQLITE, "text").add("same").add("same");
                rows.forEachChunk(JdbcTx.of(tx), insert, ps -> {
                    used.add(ps);
                    ps.executeUpdate();
                });
                return null;
            }));
            assertTrue(isClosed(used.get(0)), "the failed statement is closed, not kept");
            db.inTransaction(tx -> {
                MultiRow rows = new MultiRow(Dialect.SQLITE, "text").add("one").add("two");
                rows.forEachChunk(JdbcTx.of(tx), insert, ps -> {
                    used.add(ps);
                    assertEquals(2, ps.executeUpdate());
                });
                return null;
            });
            assertNotSame(used.get(0), used.get(1));
        }
    }

    @Test
    void sqlite_moreDistinctStatementsThanTheCacheKeeps_leastRecentlyUsedClosed() {
        try (Database db = sqliteOneConnection()) {
            db.read(tx -> {
                JdbcTx t = JdbcTx.of(tx);
                PreparedStatement oldest = t.statement("SELECT ? + 0");
                PreparedStatement kept = null;
                for (int i = 1; i <= StatementCache.PER_CONNECTION; i++) {
                    kept = t.statement("SELECT ? + " + i);
                }
                assertTrue(oldest.isClosed(), "the least recently used statement is closed");
                assertFalse(kept.isClosed());
                assertEquals(StatementCache.PER_CONNECTION, db.statementsKept(t));
                return null;
            });
        }
    }

    @Test
    void postgres_sameStatementWithinATransaction_closedAtItsEnd() {
        try (Database db = TestServices.postgres()) {
            PreparedStatement ps = db.read(tx -> {
                PreparedStatement first = JdbcTx.of(tx).statement("SELECT ?::int + 1");
                assertEquals(42, plusOne(first, 41));
                assertSame(first, JdbcTx.of(tx).statement("SELECT ?::int + 1"));
                return first;
            });
            assertTrue(isClosed(ps));
        }
    }

    private static boolean isClosed(PreparedStatement ps) {
        try {
            return ps.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
