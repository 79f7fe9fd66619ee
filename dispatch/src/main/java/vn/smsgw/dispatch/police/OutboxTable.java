package vn.smsgw.dispatch.police;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.IdHorizon;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.dispatch.store.Tx;

/*
 * The SQL on table police_outbox, shared by the embedded pull queue and the relay. A row is PENDING until it is
 * acked (ACKED) or confirmed by the broker (SENT). Handing a row out, to a puller or to the relay, is a "claim": in
 * one short transaction the due PENDING rows get attempts + 1 and next_attempt_at pushed to the end of a lease, so
 * no other claimer sees them until the lease ends. On PostgreSQL the candidate rows are selected FOR UPDATE SKIP
 * LOCKED, so two processes claiming at once take disjoint rows instead of waiting on each other; on SQLite the
 * claim runs under BEGIN IMMEDIATE and is serialised anyway. Nothing is held open while a broker is called.
 *
 * A row either holds its document (payload) or, for a case of a stored report, refers to the report row report_id
 * of table report (written by the intake's report store in the same transaction) and holds only the carrier and the
 * escalation flag; the document is then rendered from both when the row is handed out, in the transaction that
 * hands it out. Only the column names of table report are shared with the report store, not its code.
 */
final class OutboxTable {
    private static final Logger log = LoggerFactory.getLogger(OutboxTable.class);

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    /**
     * A row whose document cannot be rendered (its report row gone, or missing a field): set aside, with an error in
     * the log, so that it does not fail every claim and hold back every case behind it.
     */
    static final String UNRENDERABLE = "UNRENDERABLE";
    static final String ACKED = "ACKED";

    private static final String COLUMNS = "id, case_id, payload, attempts, report_id, carrier, escalated";
    /** Outbox ids, listed by {@link #after} only up to where every transaction that took one has ended. */
    private static final IdHorizon HORIZON = new IdHorizon("pg_get_serial_sequence('police_outbox', 'id')",
            "police_outbox");
    private static final String REPORT_COLUMNS = "id, command, source, source_type, content, raw_text, reporter, "
            + "short_code, received_at, reporters_so_far";
    private static final int RENDER_CHUNK = 500;
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final Database db;
    private final String claimSql;

    OutboxTable(Database db) {
        this.db = db;
        String lock = db.dialect() == Dialect.POSTGRES ? " FOR UPDATE SKIP LOCKED" : "";
        this.claimSql = "UPDATE police_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id IN ("
                + "SELECT id FROM police_outbox WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT ?"
                + lock + ") RETURNING " + COLUMNS;
    }

    /** A claimed row: the delivery and its attempt count including this claim. */
    record Claim(PoliceDelivery delivery, int attempts) {
    }

    /** Inserts the cases, each as its document or (with {@code references}) as a reference to its report row. */
    static void insert(Tx tx, List<PoliceCase> cases, long now, boolean references) throws SQLException {
        JdbcTx jtx = JdbcTx.of(tx);
        MultiRow rows = new MultiRow(jtx.dialect(), "bigint", "text", "text", "text", "integer", "bigint", "text",
                "integer", "bigint");
        for (PoliceCase pc : cases) {
            long reportId = CaseId.parse(pc.caseId()).map(CaseId::sequence)
                    .orElseThrow(() -> new IllegalArgumentException("not a case id: " + pc.caseId()));
            if (references) {
                rows.add(reportId, pc.caseId(), null, pc.carrier(), pc.escalated() ? 1 : 0, now, PENDING, 0, now);
            } else {
                rows.add(reportId, pc.caseId(), PoliceCaseJson.write(pc), null, null, now, PENDING, 0, now);
            }
        }
        HORIZON.markBeforeTaking(jtx);
        rows.forEachChunk(jtx, src -> "INSERT INTO police_outbox (report_id, case_id, payload, carrier, escalated, "
                + "created_at, state, attempts, next_attempt_at) " + src + " ON CONFLICT (report_id) DO NOTHING",
                PreparedStatement::executeUpdate);
    }

    /** Claims up to {@code max} due PENDING rows (oldest first) until {@code leaseUntil}. */
    List<Claim> claim(long now, long leaseUntil, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1: " + max);
        }
        List<Claim> claims = db.inTransaction(tx -> {
            try (PreparedStatement ps = connection(tx).prepareStatement(claimSql)) {
                ps.setLong(1, leaseUntil);
                ps.setLong(2, now);
                ps.setInt(3, max);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                Map<Long, PoliceDelivery> deliveries = deliveries(connection(tx), out);
                List<Claim> claimed = new ArrayList<>(out.size());
                for (Row r : out) {
                    PoliceDelivery d = deliveries.get(r.id);
                    if (d == null) {
                        setAside(connection(tx), r);
                    } else {
                        claimed.add(new Claim(d, r.attempts));
                    }
                }
                return claimed;
            }
        });
        claims.sort(Comparator.comparingLong(cl -> cl.delivery().outboxId()));
        return claims;
    }

    /** Marks the rows SENT (broker confirmed); rows already SENT or ACKED are left alone. */
    void markSent(List<Long> ids, long now) {
        db.inTransaction(tx -> {
            try (PreparedStatement ps = connection(tx).prepareStatement(
                    "UPDATE police_outbox SET state = 'SENT', sent_at = ? WHERE id = ? AND state = 'PENDING'")) {
                for (long id : ids) {
                    ps.setLong(1, now);
                    ps.setLong(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Makes a PENDING row due again at {@code nextAttemptAt}. */
    void retryAt(List<Long> ids, List<Long> nextAttemptAt) {
        db.inTransaction(tx -> {
            try (PreparedStatement ps = connection(tx).prepareStatement(
                    "UPDATE police_outbox SET next_attempt_at = ? WHERE id = ? AND state = 'PENDING'")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(1, nextAttemptAt.get(i));
                    ps.setLong(2, ids.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Acks the case; true when it exists. The row is found through the report id its case id encodes. */
    boolean ack(String caseId, long now) {
        Optional<CaseId> exact = CaseId.parse(caseId).filter(id -> id.value().equals(caseId));
        if (exact.isEmpty()) {
            return false;
        }
        long reportId = exact.get().sequence();
        return db.inTransaction(tx -> {
            Connection c = connection(tx);
            try (PreparedStatement ps = c.prepareStatement("UPDATE police_outbox SET state = 'ACKED', acked_at = ? "
                    + "WHERE report_id = ? AND acked_at IS NULL")) {
                ps.setLong(1, now);
                ps.setLong(2, reportId);
                if (ps.executeUpdate() > 0) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM police_outbox WHERE report_id = ?")) {
                ps.setLong(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    List<PoliceDelivery> after(long outboxId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        return db.inTransaction(tx -> {
            long upTo = HORIZON.readableUpTo(JdbcTx.of(tx));
            // a row that cannot be rendered is left out of the page (a claim sets it aside), and the scan goes on
            // past it, so that a page is never empty while cases follow: its next would not move
            List<PoliceDelivery> page = new ArrayList<>();
            long from = outboxId;
            try (PreparedStatement ps = connection(tx).prepareStatement(
                    "SELECT " + COLUMNS + " FROM police_outbox WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")) {
                while (page.size() < limit) {
                    int wanted = limit - page.size();
                    ps.setLong(1, from);
                    ps.setLong(2, upTo);
                    ps.setInt(3, wanted);
                    List<Row> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(row(rs));
                        }
                    }
                    if (out.isEmpty()) {
                        break;
                    }
                    Map<Long, PoliceDelivery> deliveries = deliveries(connection(tx), out);
                    out.stream().map(r -> deliveries.get(r.id)).filter(Objects::nonNull).forEach(page::add);
                    from = out.get(out.size() - 1).id;
                    if (out.size() < wanted) {
                        break;
                    }
                }
            }
            return page;
        });
    }

    private static void setAside(Connection c, Row r) throws SQLException {
        log.error("police case {} (outbox row {}) cannot be rendered: its report row {} is missing or incomplete; "
                + "set aside as {}, the cases behind it go on", r.caseId, r.id, r.reportId, UNRENDERABLE);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE police_outbox SET state = '" + UNRENDERABLE + "' WHERE id = ? AND state = 'PENDING'")) {
            ps.setLong(1, r.id);
            ps.executeUpdate();
        }
    }

    /** How many rows are PENDING and how many UNRENDERABLE, in one query (by the index on state). */
    PoliceOutboxDepth depth() {
        return db.read(tx -> {
            try (PreparedStatement ps = connection(tx).prepareStatement("SELECT state, COUNT(*) FROM police_outbox "
                    + "WHERE state IN ('" + PENDING + "', '" + UNRENDERABLE + "') GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                long pending = 0;
                long unrenderable = 0;
                while (rs.next()) {
                    if (PENDING.equals(rs.getString(1))) {
                        pending = rs.getLong(2);
                    } else {
                        unrenderable = rs.getLong(2);
                    }
                }
                return new PoliceOutboxDepth(pending, unrenderable);
            }
        });
    }

    /** How many rows are in {@code state}. */
    long count(String state) {
        return db.inTransaction(tx -> {
            try (PreparedStatement ps = connection(tx).prepareStatement(
                    "SELECT COUNT(*) FROM police_outbox WHERE state = ?")) {
                ps.setString(1, state);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static Connection connection(Tx tx) {
        return JdbcTx.of(tx).connection();
    }

    /** A row as read: its document, or null with the carrier and escalation of a reference. */
    private record Row(long id, String caseId, String payload, int attempts, long reportId, String carrier,
                       boolean escalated) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                rs.getString(6), rs.getInt(7) == 1);
    }

    /**
     * The deliveries of {@code rows} by outbox id; references are rendered from their report rows. A row whose
     * document cannot be rendered has none.
     */
    private static Map<Long, PoliceDelivery> deliveries(Connection c, List<Row> rows) throws SQLException {
        Map<Long, Row> references = new HashMap<>();
        for (Row r : rows) {
            if (r.payload == null) {
                references.put(r.reportId, r);
            }
        }
        Map<Long, String> rendered = references.isEmpty() ? Map.of() : render(c, references);
        Map<Long, PoliceDelivery> out = new HashMap<>();
        for (Row r : rows) {
            String payload = r.payload != null ? r.payload : rendered.get(r.reportId);
            if (payload != null) {
                out.put(r.id, new PoliceDelivery(r.id, r.caseId, payload));
            }
        }
        return out;
    }

    private static Map<Long, String> render(Connection c, Map<Long, Row> references) throws SQLException {
        List<Long> ids = new ArrayList<>(references.keySet());
        Map<Long, String> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += RENDER_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + RENDER_CHUNK));
            String sql = "SELECT " + REPORT_COLUMNS + " FROM report WHERE id IN ("
                    + "?, ".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int p = 0; p < chunk.size(); p++) {
                    ps.setLong(p + 1, chunk.get(p));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Row r = references.get(id);
                        PoliceCase pc;
                        try {
                            pc = new PoliceCase(r.caseId, rs.getString(2), rs.getString(3), rs.getString(4),
                                    r.carrier, rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                    Instant.ofEpochMilli(rs.getLong(9)).atOffset(VIETNAM), rs.getInt(10),
                                    r.escalated);
                        } catch (RuntimeException incomplete) {
                            log.error("police case {}: report row {} does not make a case: {}", r.caseId, id,
                                    incomplete.toString());
                            continue;
                        }
                        out.put(id, PoliceCaseJson.write(pc));
                    }
                }
            }
        }
        return out;
    }
}
