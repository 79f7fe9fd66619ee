package vn.smsgw.dispatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGStatement;

/** A JDBC transaction: the connection it runs on and the database dialect. For JDBC adapters only. */
public final class JdbcTx implements Tx {
    private final Connection connection;
    private final Dialect dialect;
    private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();
    private final StatementCache cache;
    private Map<String, PreparedStatement> own;

    JdbcTx(Connection connection, Dialect dialect, StatementCache cache) {
        this.connection = connection;
        this.dialect = dialect;
        this.cache = cache;
    }

    /** The open connection; auto-commit is off. */
    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Prepares a lookup that the server plans for its actual parameters and table sizes at every execution. On
     * PostgreSQL a statement reused on one connection otherwise gets a generic plan after five executions, and a
     * generic plan made while a table was still small (a new database) keeps scanning it whole as it grows.
     */
    public PreparedStatement prepareReplanned(String sql) throws SQLException {
        return replanned(connection.prepareStatement(sql));
    }

    PreparedStatement replanned(PreparedStatement ps) throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return ps;
    }

    /**
     * The prepared statement of {@code sql}, its parameters cleared, for a statement run many times: never close it
     * (close the result sets it returns). On SQLite it stays prepared on the connection for the transactions that
     * follow ({@link StatementCache}); on PostgreSQL, whose driver keeps the server-side statements of a connection
     * itself, it is prepared once per transaction and closed when the transaction ends.
     */
    public PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statementToRebind(sql);
        ps.clearParameters();
        return ps;
    }

    /**
     * The prepared statement of {@code sql} as {@link #statement} keeps it, with the parameters of its last execution
     * still bound: for a caller that sets every parameter before each execution. Clearing costs a native call that
     * frees every bound text, which the next binding frees again anyway; for the multi-row inserts of a group commit
     * it was 6 % of the intake writer's CPU samples (async-profiler, smsgw bench intake).
     */
    PreparedStatement statementToRebind(String sql) throws SQLException {
        PreparedStatement ps;
        if (cache != null) {
            ps = cache.get(connection, sql);
        } else {
            if (own == null) {
                own = new HashMap<>();
            }
            ps = own.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                own.put(sql, ps);
            }
        }
        return ps;
    }

    /** Drops the statement of {@code sql} after it failed, so that the next use prepares it afresh. */
    void discard(String sql) {
        if (cache != null) {
            cache.discard(connection, sql);
        }
    }

    /** Closes the statements this transaction prepared for itself (not the cached ones). */
    void closeStatements() {
        if (own == null) {
            return;
        }
        for (PreparedStatement ps : own.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // the connection is going back to the pool, which closes what is left
            }
        }
        own = null;
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** How many after-commit actions are registered so far. */
    int afterCommitCount() {
        return afterCommit.size();
    }

    /** Forgets the after-commit actions registered after the first {@code count} (their work was rolled back). */
    void dropAfterCommitFrom(int count) {
        afterCommit.subList(count, afterCommit.size()).clear();
    }

    void committed() {
        for (Runnable r : afterCommit) {
            r.run();
        }
    }

    /** Unwraps {@code tx}, which must come from a {@link Database}. */
    public static JdbcTx of(Tx tx) {
        if (tx instanceof JdbcTx j) {
            return j;
        }
        throw new IllegalArgumentException("not a JDBC transaction: " + tx.getClass().getName());
    }
}
