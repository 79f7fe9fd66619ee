package vn.smsgw.dispatch.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.IdHorizon;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;

/**
 * The report store on SQLite or PostgreSQL. Sequence numbers come from {@code report_id_seq} on PostgreSQL (shared by
 * all processes) and from a counter seeded with {@code MAX(id)} on SQLite, whose single writer is this process. Live
 * dedupe keys are the unique {@code dedupe_key} index on PostgreSQL and {@link SqliteDedupeIndex} on SQLite, so one
 * instance must serve one SQLite database.
 */
public final class JdbcReportStore implements ReportStore {
    /** Report ids, paged by {@link #after} only up to where every transaction that took one has ended. */
    private static final IdHorizon HORIZON = new IdHorizon("'report_id_seq'", "report");
    private static final String COLUMNS = "id, case_id, dedupe_key, received_at, committed_at, reporter, short_code, "
            + "smsc_id, form, raw_text, command, source, source_type, carrier, content, error, flags, reporters_so_far";
    private static final String[] ROW_TYPES = {"bigint", "text", "text", "bigint", "bigint", "text", "text", "text",
        "text", "text", "text", "text", "text", "text", "text", "text", "integer", "integer"};
    /** The same plus dedupe_hash. */
    private static final String[] ROW_TYPES_SQLITE = Stream.concat(Arrays.stream(ROW_TYPES), Stream.of("text"))
            .toArray(String[]::new);
    private static final int IN_CHUNK = 500;

    private final Database db;
    private final SqliteDedupeIndex sqliteKeys = new SqliteDedupeIndex();
    private long nextSqliteId = -1;

    public JdbcReportStore(Database db) {
        this.db = db;
    }

    @Override
    public synchronized long[] allocate(Tx tx, int n) {
        Connection c = JdbcTx.of(tx).connection();
        long[] ids = new long[n];
        try {
            if (db.dialect() == Dialect.POSTGRES) {
                HORIZON.markBeforeTaking(JdbcTx.of(tx));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT nextval('report_id_seq') FROM generate_series(1, ?)")) {
                    ps.setInt(1, n);
                    try (ResultSet rs = ps.executeQuery()) {
                        for (int i = 0; i < n && rs.next(); i++) {
                            ids[i] = rs.getLong(1);
                        }
                    }
                }
                return ids;
            }
            long max = maxId(c);
            if (nextSqliteId <= max) {
                nextSqliteId = max + 1;
            }
            for (int i = 0; i < n; i++) {
                ids[i] = nextSqliteId++;
            }
            return ids;
        } catch (SQLException e) {
            throw new StorageException("cannot allocate report ids: " + e.getMessage(), e);
        }
    }

    private long maxId(Connection c) throws SQLException {
        if (nextSqliteId > 0) {
            return nextSqliteId - 1;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM report");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public Map<String, CaseId> findByDedupeKeys(Tx tx, Collection<String> keys) {
        Map<String, CaseId> found = new HashMap<>();
        JdbcTx jtx = JdbcTx.of(tx);
        Connection c = jtx.connection();
        try {
            if (jtx.dialect() == Dialect.SQLITE) {
                return sqliteKeys.find(jtx, keys);
            }
            if (jtx.dialect() == Dialect.POSTGRES) {
                try (PreparedStatement ps = jtx.prepareReplanned(
                        "SELECT dedupe_key, case_id FROM report WHERE dedupe_key = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("text", keys.toArray()));
                    collect(ps, found);
                }
                return found;
            }
            Iterator<String> it = keys.iterator();
            while (it.hasNext()) {
                List<String> chunk = new ArrayList<>(IN_CHUNK);
                while (it.hasNext() && chunk.size() < IN_CHUNK) {
                    chunk.add(it.next());
                }
                String sql = "SELECT dedupe_key, case_id FROM report WHERE dedupe_key IN ("
                        + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    collect(ps, found);
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StorageException("cannot look up dedupe keys: " + e.getMessage(), e);
        }
    }

    private static void collect(PreparedStatement ps, Map<String, CaseId> found) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getString(1), new CaseId(rs.getString(2)));
            }
        }
    }

    @Override
    public void insert(Tx tx, List<NewReport> reports) {
        JdbcTx jtx = JdbcTx.of(tx);
        boolean sqlite = jtx.dialect() == Dialect.SQLITE;
        // on SQLite the key goes to dedupe_hash (unindexed) and dedupe_key stays NULL: see SqliteDedupeIndex
        MultiRow rows = sqlite ? new MultiRow(jtx.dialect(), ROW_TYPES_SQLITE) : new MultiRow(jtx.dialect(), ROW_TYPES);
        for (NewReport r : reports) {
            Object[] row = {r.id(), r.caseId().value(), sqlite ? null : r.dedupeKey(),
                r.sms().receivedAt().toEpochMilli(), r.committedAt(), r.reporter(), r.sms().shortCode(),
                r.sms().smscId(), r.sms().form().name(), r.sms().text(), r.command(), r.source(), r.sourceType(),
                r.carrier(), r.content(), r.error(), ReportFlag.toBits(r.flags()), r.reportersSoFar(),
                r.dedupeKey()};
            rows.add(sqlite ? row : Arrays.copyOf(row, ROW_TYPES.length));
        }
        String columns = sqlite ? COLUMNS + ", dedupe_hash" : COLUMNS;
        try {
            if (sqlite) {
                sqliteKeys.load(jtx);
            }
            rows.forEachChunk(jtx, src -> "INSERT INTO report (" + columns + ") " + src,
                    PreparedStatement::executeUpdate);
            if (sqlite) {
                sqliteKeys.add(jtx, reports);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot insert reports: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredReport> after(long afterId, int limit) {
        // the horizon in a transaction of its own, before the one that reads the rows: a read keeps the snapshot of
        // its first statement (PostgreSQL reads run REPEATABLE READ), so rows read in the horizon's transaction would
        // miss an id that committed between that snapshot and the horizon's look at the open transactions
        long upTo = db.read(tx -> HORIZON.readableUpTo(JdbcTx.of(tx)));
        return query("SELECT " + COLUMNS + " FROM report WHERE id > ? AND id <= ? ORDER BY id LIMIT ?", (tx, ps) -> {
            ps.setLong(1, afterId);
            ps.setLong(2, upTo);
            ps.setInt(3, limit);
        });
    }

    @Override
    public Optional<StoredReport> find(CaseId caseId) {
        return query("SELECT " + COLUMNS + " FROM report WHERE id = ?", (tx, ps) -> ps.setLong(1, caseId.sequence()))
                .stream().findFirst();
    }

    @Override
    public int expireDedupeKeys(long epochMillis) {
        if (db.dialect() == Dialect.SQLITE) {
            // the keys known to expire bound the range of rows to clear: older rows were cleared before
            return db.inTransaction(tx -> {
                JdbcTx jtx = JdbcTx.of(tx);
                OptionalLong earliest = sqliteKeys.expire(jtx, epochMillis);
                if (earliest.isEmpty()) {
                    return 0;
                }
                try (PreparedStatement ps = jtx.connection().prepareStatement("UPDATE report SET dedupe_key = NULL, "
                        + "dedupe_hash = NULL WHERE received_at >= ? AND received_at < ? "
                        + "AND (dedupe_hash IS NOT NULL OR dedupe_key IS NOT NULL)")) {
                    ps.setLong(1, earliest.getAsLong());
                    ps.setLong(2, epochMillis);
                    return ps.executeUpdate();
                }
            });
        }
        return db.inTransaction(tx -> {
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                    "UPDATE report SET dedupe_key = NULL WHERE received_at < ? AND dedupe_key IS NOT NULL")) {
                ps.setLong(1, epochMillis);
                return ps.executeUpdate();
            }
        });
    }

    private interface Binder {
        void bind(JdbcTx tx, PreparedStatement ps) throws SQLException;
    }

    private List<StoredReport> query(String sql, Binder binder) {
        return db.read(tx -> {
            JdbcTx j = JdbcTx.of(tx);
            try (PreparedStatement ps = j.connection().prepareStatement(sql)) {
                binder.bind(j, ps);
                List<StoredReport> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    private static StoredReport read(ResultSet rs) throws SQLException {
        return new StoredReport(rs.getLong("id"), new CaseId(rs.getString("case_id")), rs.getString("short_code"),
                rs.getString("reporter"), rs.getString("smsc_id"), InboundSms.Form.valueOf(rs.getString("form")),
                rs.getString("raw_text"), rs.getString("command"), rs.getString("source"),
                rs.getString("source_type"), rs.getString("carrier"), rs.getString("content"), rs.getString("error"),
                Instant.ofEpochMilli(rs.getLong("received_at")), ReportFlag.fromBits(rs.getInt("flags")));
    }
}
