package vn.smsgw.dispatch.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file from a background thread.
 *
 * <p>By default SQLite checkpoints inside the commit that pushes the WAL past 1000 pages, so the committing writer
 * (intake's group commit) pays for copying and syncing the database file. Pooled connections turn that off
 * ({@code wal_autocheckpoint=0}); this thread runs a PASSIVE checkpoint every 500 ms, which never waits for readers
 * or the writer, and a TRUNCATE checkpoint when the log has grown past 10,000 pages anyway (it waits for the writer
 * briefly and resets the log). Durability is unchanged: a commit is durable once its WAL frames are synced.
 */
final class SqliteCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);
    private static final int TRUNCATE_AFTER_PAGES = 10_000;

    private final DataSource dataSource;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smsgw-sqlite-checkpoint");
        t.setDaemon(true);
        return t;
    });

    SqliteCheckpointer(DataSource dataSource) {
        this.dataSource = dataSource;
        timer.scheduleWithFixedDelay(this::checkpoint, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            int walPages;
            try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                walPages = rs.next() ? rs.getInt(2) : 0;
            }
            if (walPages > TRUNCATE_AFTER_PAGES) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("SQLite checkpoint failed (will retry): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
