package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write transactions of one process on SQLite wait for each other through the process's own busy handler. */
class SqliteWritersTest {
    @TempDir
    Path dir;

    @Test
    void inTransaction_manyConcurrentWriters_everyOneCommitsOnce() throws Exception {
        try (Database db = TestServices.sqlite(dir)) {
            db.inTransaction(tx -> {
                JdbcTx.of(tx).connection().createStatement().execute("CREATE TABLE counter (n INTEGER NOT NULL)");
                JdbcTx.of(tx).connection().createStatement().execute("INSERT INTO counter VALUES (0)");
                return null;
            });
            int threads = 8;
            int each = 50;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            db.inTransaction(tx -> {
                                try (PreparedStatement ps = JdbcTx.of(tx).connection()
                                        .prepareStatement("UPDATE counter SET n = n + 1")) {
                                    ps.executeUpdate();
                                }
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(threads * each, (int) db.read(tx -> {
                try (ResultSet rs = JdbcTx.of(tx).connection().createStatement()
                        .executeQuery("SELECT n FROM counter")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }));
        }
    }

    @Test
    void inTransaction_lockHeldByAnotherWriter_waitsForItsCommitAndSeesIt() throws Exception {
        try (Database db = TestServices.sqlite(dir)) {
            db.inTransaction(tx -> {
                JdbcTx.of(tx).connection().createStatement().execute("CREATE TABLE t (v TEXT NOT NULL)");
                return null;
            });
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> db.inTransaction(tx -> {
                JdbcTx.of(tx).connection().createStatement().execute("INSERT INTO t VALUES ('first')");
                holding.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holder.start();
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            ExecutorService second = Executors.newSingleThreadExecutor();
            try {
                Future<String> seen = second.submit(() -> db.inTransaction(tx -> {
                    try (ResultSet rs = JdbcTx.of(tx).connection().createStatement()
                            .executeQuery("SELECT group_concat(v) FROM t")) {
                        rs.next();
                        String before = rs.getString(1);
                        JdbcTx.of(tx).connection().createStatement().execute("INSERT INTO t VALUES ('second')");
                        return before;
                    }
                }));
                Thread.sleep(50);
                release.countDown();
                assertEquals("first", seen.get(30, TimeUnit.SECONDS), "began only after the holder committed");
            } finally {
                second.shutdownNow();
            }
            holder.join(30_000);
        }
    }
}
