package vn.smsgw.dispatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/** A JDBC transaction: the connection it runs on and the database dialect. For JDBC adapters only. */
public final class JdbcTx implements Tx {
    private final Connection connection;
    private final Dialect dialect;
    private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

    JdbcTx(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
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

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
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
