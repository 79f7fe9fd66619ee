package vn.smsgw.dispatch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;

/**
 * Totals for operators and the demo: stored messages in all, by command and by error, listed blocklist entries by list,
 * police cases. Read from a snapshot; each call scans the report table's small aggregates, so call it at most every
 * few seconds.
 */
public record DispatchStats(long reports, Map<String, Long> byCommand, Map<String, Long> byError,
                            Map<String, Long> listed, long policeCases) {

    public DispatchStats {
        byCommand = Map.copyOf(byCommand);
        byError = Map.copyOf(byError);
        listed = Map.copyOf(listed);
    }

    /** Reads the totals now. */
    public static DispatchStats read(Database db) {
        return db.read(tx -> {
            var c = JdbcTx.of(tx).connection();
            Map<String, Long> byCommand = group(c, "SELECT command, COUNT(*) FROM report WHERE command <> '' "
                    + "GROUP BY command");
            Map<String, Long> byError = group(c, "SELECT error, COUNT(*) FROM report WHERE error <> '' "
                    + "GROUP BY error");
            Map<String, Long> listed = group(c, "SELECT list, COUNT(*) FROM blocklist_entry WHERE state = 'LISTED' "
                    + "GROUP BY list");
            long reports = group(c, "SELECT 'all', COUNT(*) FROM report").getOrDefault("all", 0L);
            long police = group(c, "SELECT 'all', COUNT(*) FROM police_outbox").getOrDefault("all", 0L);
            return new DispatchStats(reports, byCommand, byError, listed, police);
        });
    }

    private static Map<String, Long> group(java.sql.Connection c, String sql) throws java.sql.SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
