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
 * or the writer. Under a steady write load a passive checkpoint never lets the log start over from its beginning
 * (that needs a moment when everything is copied and no writer has begun since), so once the log has grown past
 * 40,000 pages (about 160 MB, within the 256 MB journal size limit) a RESTART checkpoint resets it. RESTART holds the
 * write lock while it waits for readers of the old log and while it syncs the database file; past 10,000 pages it
 * ran at every round under intake's load, and the intake writer waited for it 3.2 % of its time (2.3 % past 40,000;
 * async-profiler, wall clock, bench intake). Waiting for readers, it is given {@value #RESTART_WAIT_MILLIS} ms and
 * otherwise tried again at the next round: with the 10 s busy
 * timeout of the pooled connections it stalled every writer for up to 2.3 s behind a long read (measured with
 * TRUNCATE, which does the same and also truncates the file). Only a log past 100,000 pages (about 400 MB) is
 * restarted with the full wait. The log file is reused in place, not truncated (rewriting allocated blocks needs no
 * file-size change at each sync), and a file grown past the journal size limit is cut back to it when the log
 * restarts. Durability is unchanged: a commit is durable once its WAL frames are synced.
 */
final class SqliteCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);
    private static final int RESTART_AFTER_PAGES = 40_000;
    private static final int RESTART_WAITING_AFTER_PAGES = 100_000;
    static final int RESTART_WAIT_MILLIS = 20;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

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
            if (walPages > RESTART_AFTER_PAGES) {
                restart(st, walPages > RESTART_WAITING_AFTER_PAGES ? BUSY_TIMEOUT_MILLIS : RESTART_WAIT_MILLIS);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("SQLite checkpoint failed (will retry): {}", e.getMessage());
        }
    }

    private static void restart(Statement st, int waitMillis) throws SQLException {
        st.execute("PRAGMA busy_timeout=" + waitMillis);
        try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(RESTART)")) {
            if (rs.next() && rs.getInt(1) != 0 && waitMillis == BUSY_TIMEOUT_MILLIS) {
                log.warn("SQLite log of {} pages not restarted: readers kept it busy for {} ms", rs.getInt(2),
                        waitMillis);
            }
        } finally {
            st.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS);
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
