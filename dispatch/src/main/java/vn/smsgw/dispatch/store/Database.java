package vn.smsgw.dispatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store: a connection pool on SQLite (embedded default) or PostgreSQL, migrated to the current schema
 * when opened. Thread-safe; close it once at shutdown.
 *
 * <p>SQLite runs in WAL mode with the configured {@link SqliteSync}. Its pooled connections stay in auto-commit, and
 * each write transaction is opened explicitly with {@code BEGIN IMMEDIATE} (a writer takes the write lock up front,
 * so two writers queue on the busy timeout instead of failing on a lock upgrade) and closed with {@code COMMIT}; an
 * idle connection therefore never holds a lock (the driver's own transaction handling would open the next
 * transaction right after each commit). Reads ({@link #read}) use a deferred {@code BEGIN}: a WAL snapshot that never
 * blocks the writer. WAL checkpoints run on a background thread ({@link SqliteCheckpointer}), never inside a commit.
 * SQLite is for one process; several smsgw processes share one PostgreSQL.
 *
 * <p>Writers of one process wait for each other without polling. SQLite's own busy handler sleeps 1, 2, 5, 10, 15,
 * 20, 25 ... 100 ms between attempts at a held write lock, so a writer that found intake's group commit holding it
 * slept through many of the commits in which it could have run, and under MO load the outbound queue's claims and
 * settlements fell seconds behind intake. Here a writer that finds the lock held waits for the end of this process's
 * next write transaction (at most {@value #BUSY_POLL_MILLIS} ms, for locks held by another connection such as a
 * checkpoint), and a writer about to begin while others wait lets them go first (at most
 * {@value #YIELD_MILLIS} ms), so that intake's writer, which begins again the moment it has committed, takes turns
 * with them instead of winning every time. The busy timeout stays 10 s.
 */
public final class Database implements Transactions, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    static final int BUSY_POLL_MILLIS = 1;
    static final int YIELD_MILLIS = 2;
    private static final long BUSY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final HikariDataSource dataSource;
    private final Object writeEnded = new Object();
    private final AtomicInteger lockWaiters = new AtomicInteger();
    private long writeEnds;
    private final Dialect dialect;
    private final SqliteCheckpointer checkpointer;
    private final StatementCache statements;
    private final WriteCombiner combiner;
    private final WalSync walSync;

    /** A write transaction's result and, on SQLite with deferred syncs, the ticket that makes it durable. */
    record Committed<T>(T result, long ticket) {
    }

    private Database(HikariDataSource dataSource, Dialect dialect, WalSync walSync) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.walSync = walSync;
        this.statements = dialect == Dialect.SQLITE ? new StatementCache() : null;
        this.checkpointer = dialect == Dialect.SQLITE ? new SqliteCheckpointer(dataSource) : null;
        this.combiner = dialect == Dialect.SQLITE ? new WriteCombiner(this) : null;
    }

    /** Opens the pool and applies pending migrations. */
    public static Database open(DatabaseConfig config) {
        Dialect dialect = config.dialect();
        HikariConfig hc = new HikariConfig();
        Path walFile = null;
        hc.setJdbcUrl(config.url());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(1);
        hc.setAutoCommit(dialect == Dialect.SQLITE);
        hc.setPoolName("smsgw-db");
        // the pool starts its connection adder and closer when first needed, possibly from a raised writer thread
        AtomicInteger poolThreads = new AtomicInteger();
        hc.setThreadFactory(r -> {
            Thread t = new Thread(r, "smsgw-db-" + poolThreads.incrementAndGet());
            t.setDaemon(true);
            WriterPriority.keepNormal(t);
            return t;
        });
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            createParentDirectory(config.url());
            hc.addDataSourceProperty("journal_mode", "WAL");
            walFile = config.sqliteSync() == SqliteSync.FULL ? sqliteFile(config.url()) : null;
            // FULL: the commit writes the WAL, and WalSync syncs it from its own thread before the commit counts
            hc.addDataSourceProperty("synchronous", walFile != null ? "NORMAL" : config.sqliteSync().name());
            hc.addDataSourceProperty("busy_timeout", "10000");
            hc.addDataSourceProperty("foreign_keys", "true");
            hc.addDataSourceProperty("cache_size", "-65536");
            // statement journals (the undo of one statement inside a transaction, e.g. an UPDATE that fires a
            // trigger) in memory: in temporary files they cost a pwrite per statement on the writer thread
            hc.addDataSourceProperty("temp_store", "MEMORY");
            // the size the WAL file is cut back to when the log restarts. The log restarts once past 10,000 pages
            // (about 40 MB, SqliteCheckpointer), but under a steady load it reached 51-131 MB first (README); with a
            // 64 MB limit the file was cut and grown again every few seconds, and writing frames past its end
            // (new blocks, zeroed by the kernel) took 6 % of the writer's CPU samples in an async-profiler profile of
            // smsgw bench intake; with 256 MB, 1.6 %. The cost is up to 256 MB of disk kept by the WAL file.
            hc.addDataSourceProperty("journal_size_limit", String.valueOf(256L << 20));
            // by default sqlite-jdbc follows every INSERT with a prepared "SELECT last_insert_rowid()", whether or
            // not the caller asks for keys: a compile and a finalize per insert on the writer thread (5 % of its
            // CPU samples in an async-profiler profile of smsgw bench intake). Inserts that need their key say
            // RETURNING, which both dialects run.
            hc.addDataSourceProperty("jdbc.get_generated_keys", "false");
            // READWRITE | CREATE | NOMUTEX: sqlite-jdbc already serialises every call on a connection (its native
            // methods are synchronized on the connection's NativeDB, all but sqlite3_interrupt, which SQLite allows
            // from any thread), so SQLite's own per-connection mutex was a second lock and unlock around each bind,
            // step and reset: 2.5 % of the intake writer's CPU samples in an async-profiler profile of
            // smsgw bench intake --caller-threads 2, gone with NOMUTEX
            hc.addDataSourceProperty("open_mode", String.valueOf(0x02 | 0x04 | 0x8000));
            hc.setConnectionInitSql("PRAGMA wal_autocheckpoint=0");
        } else {
            hc.setUsername(config.user());
            hc.setPassword(config.password());
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            hc.addDataSourceProperty("ApplicationName", "smsgw");
            // no JIT compilation: smsgw's statements are short lookups by key, but on statistics taken while a table
            // was small the planner costed the receipts' key lookup above jit_above_cost: each such statement ran
            // JIT-compiled and took 40-390 ms (auto_explain durations, `bench inbound --store postgres`; the compile's
            // own share was not measured apart), under the receipt keys' locks; receipts/s fell to 14-20 % of
            // replies/s (two runs of `bench inbound --side gateway --store postgres --count 120000`). A SET rather
            // than a startup option, which a connection pooler in front of the server may refuse; committed at once
            // (isolated), for without
            // autocommit it would open the connection's first transaction, and the rollback that ends a read
            // would undo it.
            hc.setConnectionInitSql("SET jit = off");
            hc.setIsolateInternalQueries(true);
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open database " + config.url() + ": " + e.getMessage(), e);
        }
        WalSync walSync = walFile == null ? null : new WalSync(WalSync.walOf(realPath(walFile)), "smsgw-sqlite-sync");
        Database db = new Database(ds, dialect, walSync);
        try {
            db.inTransaction(tx -> {
                new Migrations(dialect).apply(JdbcTx.of(tx).connection());
                return null;
            });
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        log.info("database open: {} ({})", config.url(), dialect);
        return db;
    }

    /** The database file of a SQLite URL, or null for an in-memory or URI-form database. */
    private static Path sqliteFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return null;
        }
        return Path.of(file).toAbsolutePath();
    }

    /**
     * The file SQLite really opened: it resolves symbolic links and puts the WAL beside the target, so the WAL must be
     * looked for there. The pool has opened a connection by now, so the file exists.
     */
    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new StorageException("cannot resolve the database file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createParentDirectory(String url) {
        Path file = sqliteFile(url);
        if (file == null) {
            return;
        }
        Path parent = file.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StorageException("cannot create data directory " + parent, e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The pool, for tools that need plain JDBC; application code goes through {@link #inTransaction}. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return run(work, true);
    }

    /** On SQLite, together with other threads' shared writes ({@link WriteCombiner}); else its own transaction. */
    @Override
    public <T> T inSharedTransaction(Work<T> work) {
        return inSharedTransaction(work, 0);
    }

    /**
     * {@link #inSharedTransaction(Work)}; on SQLite, a transaction this caller runs itself starts at least
     * {@code minGapNanos} after the previous shared one ended, unless another caller's takes the work first.
     */
    public <T> T inSharedTransaction(Work<T> work, long minGapNanos) {
        return combiner == null ? inTransaction(work) : combiner.write(work, minGapNanos);
    }

    /**
     * On SQLite, a shared transaction that returns once committed and runs {@code onDurable} once its commit is
     * synced, on the sync thread, so that the caller can go on meanwhile (without deferred syncs, before returning).
     */
    @Override
    public <T> void inSharedTransaction(Work<T> work, Consumer<T> onDurable, Consumer<StorageException> onLost) {
        if (combiner == null) {
            onDurable.accept(inTransaction(work));
        } else {
            combiner.writeThen(work, onDurable, onLost);
        }
    }

    /** Waits until {@code ticket} is durable (no-op without deferred syncs). */
    void awaitDurable(long ticket) {
        if (walSync != null) {
            walSync.await(ticket);
        }
    }

    /** Runs {@code onDurable} once {@code ticket} is durable: on the sync thread, or at once without deferred syncs. */
    <T> void whenDurable(long ticket, T result, Consumer<T> onDurable, Consumer<StorageException> onLost) {
        if (walSync == null) {
            onDurable.accept(result);
        } else {
            walSync.whenDurable(ticket, () -> onDurable.accept(result), onLost);
        }
    }

    /** WAL syncs since open; 0 without deferred syncs (for tests). */
    long walSyncCount() {
        return walSync == null ? 0 : walSync.syncCount();
    }

    /**
     * Runs read-only work on a consistent snapshot; on SQLite it never waits for, nor blocks, the writer. Whatever the
     * work writes is rolled back.
     */
    @Override
    public <T> T read(Work<T> work) {
        return run(work, false);
    }

    private <T> T run(Work<T> work, boolean write) {
        Committed<T> done = runUnsynced(work, write);
        if (walSync != null) {
            if (write) {
                walSync.await(done.ticket());
            } else {
                walSync.awaitVisible();
            }
        }
        return done.result();
    }

    /** Runs {@code work} in its own transaction; with deferred syncs, returns before the commit is durable. */
    <T> Committed<T> runUnsynced(Work<T> work, boolean write) {
        try (Connection c = dataSource.getConnection()) {
            if (dialect == Dialect.SQLITE) {
                beginSqlite(c, write);
            } else if (!write) {
                // one snapshot for every statement of a read, as on SQLite: under READ COMMITTED each statement took
                // its own, so two counts of one read could see a row move between them (counted twice, or not at all)
                try (Statement st = c.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                }
            }
            try {
                return runBegun(c, work, write);
            } finally {
                if (write && dialect == Dialect.SQLITE) {
                    writeEnded();
                }
            }
        } catch (SQLException e) {
            throw new StorageException("database unavailable: " + e.getMessage(), e);
        }
    }

    private <T> Committed<T> runBegun(Connection c, Work<T> work, boolean write) throws SQLException {
        JdbcTx tx = new JdbcTx(c, dialect, statements);
        T result;
        long ticket = 0;
        try {
            result = work.run(tx);
            if (write && walSync != null) {
                walSync.committing();
                try {
                    end(c, true);
                } finally {
                    ticket = walSync.committed();
                }
            } else {
                end(c, write);
            }
        } catch (Exception | Error e) {
            rollbackQuietly(c, e);
            throw e instanceof StorageException se ? se : new StorageException("transaction failed: " + e, e);
        } finally {
            tx.closeStatements();
        }
        if (write) {
            try {
                tx.committed();
            } catch (RuntimeException e) {
                // the commit stands, and its result with it: failing the caller now would make it retry committed work
                log.error("an action after a commit failed; the commit itself is kept", e);
            }
        }
        return new Committed<>(result, ticket);
    }

    private void beginSqlite(Connection c, boolean write) throws SQLException {
        if (write && walSync != null) {
            walSync.checkUsable(); // after a failed sync nothing more is committed
        }
        WaitForWriters waiting = new WaitForWriters();
        BusyHandler.setHandler(c.unwrap(SQLiteConnection.class), waiting);
        if (write && lockWaiters.get() > 0) {
            yieldToWaiters();
        }
        try {
            begin(c, write);
        } finally {
            if (waiting.waited) {
                lockWaiters.decrementAndGet();
                writeEnded();
            }
        }
    }

    private void writeEnded() {
        synchronized (writeEnded) {
            writeEnds++;
            writeEnded.notifyAll();
        }
    }

    /** Lets the writers waiting for the lock go first, for at most {@link #YIELD_MILLIS}. */
    private void yieldToWaiters() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(YIELD_MILLIS);
        synchronized (writeEnded) {
            while (lockWaiters.get() > 0) {
                if (!timedWait(deadline)) {
                    return;
                }
            }
        }
    }

    /** Waits on the monitor (held) until notified or the deadline; false once the deadline has passed. */
    private boolean timedWait(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(writeEnded, left);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SQLite's busy handler for one transaction's begin: wait for a write of this process to end, then retry. */
    private final class WaitForWriters extends BusyHandler {
        boolean waited;
        private long deadline;

        @Override
        protected int callback(int previousAttempts) {
            long now = System.nanoTime();
            if (!waited) {
                waited = true;
                lockWaiters.incrementAndGet();
            }
            if (previousAttempts == 0) {
                deadline = now + BUSY_TIMEOUT_NANOS;
            }
            if (now - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return 0;
            }
            long wakeAt = Math.min(deadline, now + TimeUnit.MILLISECONDS.toNanos(BUSY_POLL_MILLIS));
            synchronized (writeEnded) {
                long seen = writeEnds;
                while (writeEnds == seen && timedWait(wakeAt)) {
                    // woken early by another notification: keep waiting for a write to end
                }
            }
            return 1;
        }
    }

    private void begin(Connection c, boolean write) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            runCached(c, write ? "BEGIN IMMEDIATE" : "BEGIN");
        }
    }

    private void end(Connection c, boolean write) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            runCached(c, write ? "COMMIT" : "ROLLBACK");
        } else if (write) {
            c.commit();
        } else {
            c.rollback();
        }
    }

    /** How many statements {@code tx}'s connection keeps prepared (SQLite; for tests). */
    int statementsKept(JdbcTx tx) throws SQLException {
        return statements == null ? 0 : statements.size(tx.connection());
    }

    private void runCached(Connection c, String sql) throws SQLException {
        try {
            statements.get(c, sql).execute();
        } catch (SQLException e) {
            statements.discard(c, sql);
            throw e;
        }
    }

    private void rollbackQuietly(Connection c, Throwable cause) {
        try {
            if (dialect == Dialect.SQLITE) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                } else {
                    try (Statement st = c.createStatement()) {
                        st.execute("ROLLBACK");
                    }
                }
            } else {
                c.rollback();
            }
        } catch (SQLException e) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL): nothing to undo
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (walSync != null) {
            walSync.close();
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (statements != null) {
            statements.close();
        }
        dataSource.close();
    }
}
