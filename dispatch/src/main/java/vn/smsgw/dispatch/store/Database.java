package vn.smsgw.dispatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import javax.sql.DataSource;
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
 */
public final class Database implements Transactions, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final SqliteCheckpointer checkpointer;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.checkpointer = dialect == Dialect.SQLITE ? new SqliteCheckpointer(dataSource) : null;
    }

    /** Opens the pool and applies pending migrations. */
    public static Database open(DatabaseConfig config) {
        Dialect dialect = config.dialect();
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.url());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(1);
        hc.setAutoCommit(dialect == Dialect.SQLITE);
        hc.setPoolName("smsgw-db");
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            createParentDirectory(config.url());
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("synchronous", config.sqliteSync().name());
            hc.addDataSourceProperty("busy_timeout", "10000");
            hc.addDataSourceProperty("foreign_keys", "true");
            hc.addDataSourceProperty("cache_size", "-65536");
            hc.addDataSourceProperty("journal_size_limit", String.valueOf(64L << 20));
            hc.setConnectionInitSql("PRAGMA wal_autocheckpoint=0");
        } else {
            hc.setUsername(config.user());
            hc.setPassword(config.password());
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            hc.addDataSourceProperty("ApplicationName", "smsgw");
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open database " + config.url() + ": " + e.getMessage(), e);
        }
        Database db = new Database(ds, dialect);
        try {
            db.inTransaction(tx -> {
                new Migrations(dialect).apply(JdbcTx.of(tx).connection());
                return null;
            });
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        log.info("database open: {} ({})", config.url(), dialect);
        return db;
    }

    private static void createParentDirectory(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
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

    /**
     * Runs read-only work on a consistent snapshot; on SQLite it never waits for, nor blocks, the writer. Whatever the
     * work writes is rolled back.
     */
    @Override
    public <T> T read(Work<T> work) {
        return run(work, false);
    }

    private <T> T run(Work<T> work, boolean write) {
        try (Connection c = dataSource.getConnection()) {
            begin(c, write);
            JdbcTx tx = new JdbcTx(c, dialect);
            T result;
            try {
                result = work.run(tx);
                end(c, write);
            } catch (Exception | Error e) {
                rollbackQuietly(c, e);
                throw e instanceof StorageException se ? se : new StorageException("transaction failed: " + e, e);
            }
            if (write) {
                tx.committed();
            }
            return result;
        } catch (SQLException e) {
            throw new StorageException("database unavailable: " + e.getMessage(), e);
        }
    }

    private void begin(Connection c, boolean write) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement st = c.createStatement()) {
                st.execute(write ? "BEGIN IMMEDIATE" : "BEGIN");
            }
        }
    }

    private void end(Connection c, boolean write) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement st = c.createStatement()) {
                st.execute(write ? "COMMIT" : "ROLLBACK");
            }
        } else if (write) {
            c.commit();
        } else {
            c.rollback();
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
        if (checkpointer != null) {
            checkpointer.close();
        }
        dataSource.close();
    }
}
