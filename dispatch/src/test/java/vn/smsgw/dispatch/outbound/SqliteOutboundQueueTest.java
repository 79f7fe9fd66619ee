package vn.smsgw.dispatch.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.MutableClock;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.TestServices;

class SqliteOutboundQueueTest extends JdbcOutboundQueueContract {
    @TempDir
    Path dir;

    @Override
    Fixture open(MutableClock clock) {
        Database db = TestServices.sqlite(dir);
        return new Fixture(new JdbcOutboundQueue(db, clock), new JdbcOutbox(), db, db);
    }

    /**
     * outbound_ready holds only PENDING and CLAIMED messages, and SQLite uses such a partial index only when a query's
     * terms match its predicate's: a claim or a depth reading that stopped matching would read the whole table.
     */
    @Test
    void claimsAndDepth_readThePartialIndexOnly() {
        JdbcOutboundQueue jdbc = (JdbcOutboundQueue) queue;
        for (String sql : List.of(jdbc.claimSql, jdbc.anyDueSql, jdbc.campaignClaimSql, jdbc.campaignAnyDueSql,
                JdbcOutboundQueue.DEPTH_SQL)) {
            List<String> plan = plan(sql);
            assertTrue(plan.stream().anyMatch(step -> step.contains("INDEX outbound_ready")), sql + ": " + plan);
            assertTrue(plan.stream().noneMatch(step -> step.startsWith("SCAN outbound")), sql + ": " + plan);
        }
    }

    /** A batch of receipts looks each key up in the key table, then its part and message by their primary keys. */
    @Test
    void readParts_looksEachKeyThenItsPartAndMessageUpByKey() {
        List<String> plan = plan(PartTable.readPartsSql(Dialect.SQLITE, "VALUES ('a'), ('b')"));
        assertTrue(plan.stream().noneMatch(step -> step.startsWith("SCAN outbound")), plan.toString());
        assertTrue(plan.contains("SEARCH e USING INDEX sqlite_autoindex_outbound_key_1 (match_key=?)"),
                plan.toString());
        assertTrue(plan.contains("SEARCH o USING INTEGER PRIMARY KEY (rowid=?)"), plan.toString());
    }

    @Test
    void sentMessages_leaveTheReadyIndex() {
        enqueue(Lane.REPLY, "a", "b", "c", "d");
        List<QueuedSms> sent = claim(Lane.REPLY, 3);
        settle(sent.get(0).id(), submitted(part(1, "1000a")));
        receipt("1000a", OutboundState.DELIVERED, "000");
        settle(sent.get(1).id(), submitted(part(1, "1000b")));
        // ANALYZE counts the index's entries: the claimed and the pending message, of the four
        fx.transactions().inTransaction(tx -> {
            try (Statement st = JdbcTx.of(tx).connection().createStatement()) {
                st.execute("ANALYZE outbound");
            }
            return null;
        });
        String stat = query("SELECT stat FROM sqlite_stat1 WHERE idx = 'outbound_ready'").get(0);
        assertEquals("2", stat.split(" ")[0], stat);
        assertEquals(List.of("4"), query("SELECT COUNT(*) FROM outbound"));
        assertEquals(List.of("ok"), query("PRAGMA integrity_check"));
    }

    private List<String> plan(String sql) {
        List<String> plan = query("EXPLAIN QUERY PLAN " + sql);
        assertTrue(!plan.isEmpty(), sql);
        return plan;
    }

    /** The last column of every row {@code sql} returns. */
    private List<String> query(String sql) {
        return ((Database) fx.transactions()).read(tx -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(rs.getMetaData().getColumnCount()));
                }
            }
            return out;
        });
    }
}
