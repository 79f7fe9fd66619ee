package vn.smsgw.dispatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Paging by id over rows that several PostgreSQL transactions insert at once, without passing over a row that
 * commits late. Ids come from a sequence (CACHE 1, the default) in the order they are taken, but the transactions that
 * took them commit in any order: a reader that saw id 12 and moved its cursor there would never see id 10, committed
 * a moment later by another process (or another writer).
 *
 * <p>So a transaction about to take ids first marks a lower bound of them: it takes a shared transaction-scoped
 * advisory lock whose key holds the sequence's last value + 1 ({@link #markBeforeTaking}); the lock goes when the
 * transaction ends. A reader ({@link #readableUpTo}) reads the sequence's last value L, then the lowest mark held; no
 * transaction still open holds an id at or below L that is not at or above that mark, so the rows up to
 * min(L, mark − 1) that it then reads are all the rows there will ever be up to that id. The order of those steps is
 * what makes it exact: an id at or below L was taken before L was read, and its mark before that.
 *
 * <p>The key is {@code tag << 40 | bound}: the tag, 23 bits of a hash of the schema and the sequence's role, keeps the
 * marks of two schemas (or of reports and police cases) apart; bounds stay below 2^40. SQLite needs none of this:
 * one writer commits its ids in order. On SQLite both methods do nothing ({@code readableUpTo} returns
 * {@link Long#MAX_VALUE}).
 */
public final class IdHorizon {
    private static final String TAG = "(hashtext(current_schema() || ?) & 8388607)";
    private static final String MARK = "SELECT pg_advisory_xact_lock_shared((" + TAG + "::bigint << 40) "
            + "| COALESCE(pg_sequence_last_value(?::regclass) + 1, 1))";
    private static final String LAST = "SELECT COALESCE(pg_sequence_last_value(?::regclass), 0)";
    private static final String LOWEST_MARK = "SELECT MIN(((l.classid::bigint << 32) | l.objid::bigint) "
            + "& 1099511627775) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.objsubid = 1 "
            + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND ((l.classid::bigint << 32) | l.objid::bigint) >> 40 = " + TAG;

    private final String markSql;
    private final String lastSql;
    private final String role;

    /**
     * A horizon over ids taken from {@code sequenceExpression}, a SQL expression naming the sequence (a quoted name,
     * or {@code pg_get_serial_sequence(...)}), for rows of {@code role} (e.g. "report").
     */
    public IdHorizon(String sequenceExpression, String role) {
        this.markSql = MARK.replace("?::regclass", sequenceExpression + "::regclass");
        this.lastSql = LAST.replace("?::regclass", sequenceExpression + "::regclass");
        this.role = ":" + role;
    }

    /** In {@code tx}, before it takes ids from the sequence: marks a lower bound of them until it ends. */
    public void markBeforeTaking(JdbcTx tx) throws SQLException {
        if (tx.dialect() != Dialect.POSTGRES) {
            return;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(markSql)) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    /**
     * The highest id a reader in {@code tx} (read committed) may page up to: every row up to it that will ever commit
     * has committed. Read the rows with a statement after this one.
     */
    public long readableUpTo(JdbcTx tx) throws SQLException {
        if (tx.dialect() != Dialect.POSTGRES) {
            return Long.MAX_VALUE;
        }
        Connection c = tx.connection();
        long last;
        try (PreparedStatement ps = c.prepareStatement(lastSql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement(LOWEST_MARK)) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long mark = rs.getLong(1);
                return rs.wasNull() ? last : Math.min(last, mark - 1);
            }
        }
    }
}
