package vn.smsgw.dispatch.police;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.Dialect;
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
 */
final class OutboxTable {
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String ACKED = "ACKED";

    private static final String COLUMNS = "id, case_id, payload, attempts";

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

    static void insert(Tx tx, List<PoliceCase> cases, long now) throws SQLException {
        JdbcTx jtx = JdbcTx.of(tx);
        MultiRow rows = new MultiRow(jtx.dialect(), "bigint", "text", "text", "bigint", "text", "integer", "bigint");
        for (PoliceCase pc : cases) {
            long reportId = CaseId.parse(pc.caseId()).map(CaseId::sequence)
                    .orElseThrow(() -> new IllegalArgumentException("not a case id: " + pc.caseId()));
            rows.add(reportId, pc.caseId(), PoliceCaseJson.write(pc), now, PENDING, 0, now);
        }
        rows.forEachChunk(jtx, src -> "INSERT INTO police_outbox "
                + "(report_id, case_id, payload, created_at, state, attempts, next_attempt_at) " + src
                + " ON CONFLICT (report_id) DO NOTHING", PreparedStatement::executeUpdate);
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
                List<Claim> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Claim(delivery(rs), rs.getInt(4)));
                    }
                }
                return out;
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
            try (PreparedStatement ps = connection(tx).prepareStatement(
                    "SELECT " + COLUMNS + " FROM police_outbox WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, outboxId);
                ps.setInt(2, limit);
                List<PoliceDelivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(delivery(rs));
                    }
                }
                return out;
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

    private static PoliceDelivery delivery(ResultSet rs) throws SQLException {
        return new PoliceDelivery(rs.getLong(1), rs.getString(2), rs.getString(3));
    }
}
