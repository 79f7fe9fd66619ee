package vn.smsgw.dispatch.outbound;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;

/** The outbound queue on SQLite or PostgreSQL (table {@code outbound}); one multi-row insert per call. */
public final class JdbcOutbox implements Outbox {
    private static final String INSERT = "INSERT INTO outbound (lane, state, destination, sender, body, case_id, kind, "
            + "created_at, not_before, attempts, updated_at, smsc) ";

    @Override
    public void enqueue(Tx tx, List<OutboundSms> messages) {
        JdbcTx jtx = JdbcTx.of(tx);
        MultiRow rows = new MultiRow(jtx.dialect(), "integer", "text", "text", "text", "text", "text", "text",
                "bigint", "bigint", "integer", "bigint", "text");
        for (OutboundSms m : messages) {
            long at = m.notBefore().toEpochMilli();
            rows.add(m.lane().ordinal(), "PENDING", m.destination(), m.sender(), m.body(), m.caseId(), m.kind(), at,
                    at, 0, at, m.smsc());
        }
        try {
            rows.forEachChunk(jtx, src -> INSERT + src, PreparedStatement::executeUpdate);
        } catch (SQLException e) {
            throw new StorageException("cannot queue outbound messages: " + e.getMessage(), e);
        }
    }
}
