package vn.smsgw.dispatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The prepared statements of one batch that runs the same few one-row statements for each of its items: each SQL is
 * prepared once on the batch's connection and reused. (Prepared per item, SQLite's prepare took about a quarter of
 * the outbound writers' samples in a JFR profile of {@code smsgw bench campaign --tps 0}.) Close it at the end of
 * the batch; callers never close the statements themselves. Not thread-safe.
 */
public final class BatchStatements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public BatchStatements(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** The statement for {@code sql}, its parameters cleared. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** Closes every statement, reporting the first failure with the others suppressed. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        prepared.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
