package vn.smsgw.dispatch.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows written or looked up by one statement instead of one statement per row, so that a group commit runs a handful
 * of statements whatever its size.
 *
 * <p>On SQLite the rows become a multi-row {@code VALUES (…), (…), …} list, split into chunks that stay under the
 * bind-variable limit (32,766); the statement of each size stays prepared on its connection
 * ({@link JdbcTx#statement}), so a group size seen before costs no compile. On PostgreSQL they become one array
 * parameter per column ({@link PgArrayLiteral}) and
 * {@code SELECT * FROM unnest(…)}: the statement text is the same for any number of rows, so the server prepares and
 * plans it once per connection instead of parsing a new statement for every group size, and the rows keep their
 * order. Either form can follow {@code INSERT INTO t (…)} or define a {@code WITH q (…) AS (…)} table.
 *
 * <p>Usage: {@code MultiRow rows = new MultiRow(dialect, "text", "bigint"); rows.add("a", 1L); …;
 * rows.forEachChunk(connection, rowSource -> "INSERT … " + rowSource + " …", ps -> …)}.
 */
public final class MultiRow {
    private static final int MAX_SQLITE_VARIABLES = 30_000;
    private static final int MAX_SQLITE_ROWS = 1_000;

    private final Dialect dialect;
    private final String[] types;
    private final List<Object[]> rows = new ArrayList<>();
    private boolean replanned;
    private boolean repeatable;

    /** Rows of {@code types.length} columns; {@code types} are the PostgreSQL types (text, bigint, integer). */
    public MultiRow(Dialect dialect, String... types) {
        this.dialect = dialect;
        this.types = types.clone();
    }

    /** Adds one row: String, Long or Integer values (or null), one per column. */
    public MultiRow add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for " + types.length + " columns");
        }
        rows.add(values);
        return this;
    }

    /** Has each execution planned for its rows (for lookups; see {@link JdbcTx#prepareReplanned}). */
    public MultiRow replanned() {
        this.replanned = true;
        return this;
    }

    /**
     * On SQLite, pads each chunk by repeating its last row to a power of two rows up to 64 and a multiple of 64 beyond
     * ({@link #roundedUp}), so that the statement is one of a few texts, kept prepared, instead of one per row count,
     * each compiled at its first use and crowding the others out of the cache: the lookups of receipt keys came in
     * hundreds of sizes, and compiling them was 3 % of the intake writer's CPU samples in an async-profiler profile of
     * {@code smsgw bench inbound}. Only for a lookup whose result a repeated row does not change (a key looked up twice
     * gives its rows twice, and the caller keeps one).
     */
    public MultiRow repeatable() {
        this.repeatable = true;
        return this;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Builds the statement around the row source of one chunk. */
    @FunctionalInterface
    public interface Sql {
        String around(String rowSource);
    }

    /** Executes a bound statement of one chunk. */
    @FunctionalInterface
    public interface Execution {
        void run(PreparedStatement ps) throws SQLException;
    }

    /** Prepares, binds and runs the statement for each chunk of rows, in order (one chunk on PostgreSQL). */
    public void forEachChunk(JdbcTx tx, Sql sql, Execution execution) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRES) {
            StringBuilder src = new StringBuilder("SELECT * FROM unnest(");
            for (int k = 0; k < types.length; k++) {
                src.append(k == 0 ? "" : ", ").append("?::").append(types[k]).append("[]");
            }
            src.append(')');
            try (PreparedStatement ps = prepare(tx, sql.around(src.toString()))) {
                for (int k = 0; k < types.length; k++) {
                    ps.setObject(k + 1, PgArrayLiteral.of(rows, k), Types.OTHER);
                }
                execution.run(ps);
            }
            return;
        }
        int chunk = Math.max(1, Math.min(MAX_SQLITE_ROWS, MAX_SQLITE_VARIABLES / types.length));
        String tuple = "(?" + ", ?".repeat(types.length - 1) + ")";
        for (int from = 0; from < rows.size(); from += chunk) {
            int to = Math.min(rows.size(), from + chunk);
            int n = repeatable ? roundedUp(to - from, chunk) : to - from;
            StringBuilder src = new StringBuilder(7 + (tuple.length() + 1) * n).append("VALUES ");
            for (int i = 0; i < n; i++) {
                src.append(i == 0 ? "" : ",").append(tuple);
            }
            String text = sql.around(src.toString());
            // kept prepared for the next group of this size; every parameter is set below
            PreparedStatement ps = tx.statementToRebind(text);
            try {
                int p = 0;
                for (int i = 0; i < n; i++) {
                    for (Object v : rows.get(Math.min(from + i, to - 1))) {
                        bind(ps, ++p, v);
                    }
                }
                execution.run(ps);
            } catch (SQLException | RuntimeException e) {
                tx.discard(text);
                throw e;
            }
        }
    }

    /**
     * The row count a repeatable chunk of {@code rows} is padded to, at most {@code chunk}: the least power of two at
     * or above it up to 64, then the least multiple of 64, so that no chunk carries more than 63 repeated rows and a
     * chunk of 1,000 rows has 22 sizes.
     */
    static int roundedUp(int rows, int chunk) {
        int n = 1;
        while (n < rows && n < 64) {
            n <<= 1;
        }
        if (n < rows) {
            n = (rows + 63) / 64 * 64;
        }
        return Math.min(n, chunk);
    }

    private PreparedStatement prepare(JdbcTx tx, String sql) throws SQLException {
        PreparedStatement ps = tx.connection().prepareStatement(sql);
        return replanned ? tx.replanned(ps) : ps;
    }

    private static void bind(PreparedStatement ps, int p, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(p, Types.NULL);
        } else if (v instanceof String s) {
            ps.setString(p, s);
        } else if (v instanceof Long l) {
            ps.setLong(p, l);
        } else if (v instanceof Integer i) {
            ps.setInt(p, i);
        } else {
            throw new IllegalArgumentException("unsupported value type: " + v.getClass().getName());
        }
    }
}
