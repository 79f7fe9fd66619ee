package vn.smsgw.dispatch.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;

/**
 * Reporter counters on SQLite or PostgreSQL: one row per reporter ({@code reporter_count}) with its latest day and
 * hour, written by one multi-row atomic upsert per call that returns the new totals, so concurrent processes
 * serialise on the counter rows. Rows are written in reporter order, so two processes updating the same reporters
 * lock them in the same order.
 */
public final class JdbcReporterCounters implements ReporterCounters {
    private static final String INSERT = "INSERT INTO reporter_count (reporter, day, reports, hour, replies) ";
    private static final String UPSERT = " ON CONFLICT (reporter) DO UPDATE SET "
            + "reports = CASE WHEN excluded.day > reporter_count.day THEN excluded.reports "
            + "WHEN excluded.day = reporter_count.day THEN reporter_count.reports + excluded.reports "
            + "ELSE reporter_count.reports END, "
            + "day = CASE WHEN excluded.day > reporter_count.day THEN excluded.day ELSE reporter_count.day END, "
            + "replies = CASE WHEN excluded.hour > reporter_count.hour THEN excluded.replies "
            + "WHEN excluded.hour = reporter_count.hour THEN reporter_count.replies + excluded.replies "
            + "ELSE reporter_count.replies END, "
            + "hour = CASE WHEN excluded.hour > reporter_count.hour THEN excluded.hour ELSE reporter_count.hour END "
            + "RETURNING reporter, day, reports, hour, replies";

    @Override
    public Totals add(Tx tx, int day, Map<String, Integer> reports, long hour, Map<String, Integer> replies) {
        JdbcTx jtx = JdbcTx.of(tx);
        TreeSet<String> reporters = new TreeSet<>(reports.keySet());
        reporters.addAll(replies.keySet());
        if (reporters.isEmpty()) {
            return new Totals(Map.of(), Map.of());
        }
        MultiRow rows = new MultiRow(jtx.dialect(), "text", "integer", "integer", "bigint", "integer");
        for (String r : reporters) {
            rows.add(r, day, reports.getOrDefault(r, 0), hour, replies.getOrDefault(r, 0));
        }
        Map<String, Integer> reportTotals = new HashMap<>(reports.size() * 2);
        Map<String, Integer> replyTotals = new HashMap<>(replies.size() * 2);
        int[] returned = {0};
        try {
            rows.forEachChunk(jtx, src -> INSERT + src + UPSERT, ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String r = rs.getString(1);
                        returned[0]++;
                        Integer reportInc = reports.get(r);
                        if (reportInc != null) {
                            reportTotals.put(r, rs.getInt(2) == day ? rs.getInt(3) : reportInc);
                        }
                        Integer replyInc = replies.get(r);
                        if (replyInc != null) {
                            replyTotals.put(r, rs.getLong(4) == hour ? rs.getInt(5) : replyInc);
                        }
                    }
                }
            });
        } catch (SQLException e) {
            throw new StorageException("cannot update reporter counters: " + e.getMessage(), e);
        }
        if (returned[0] != reporters.size()) {
            throw new StorageException("reporter counters: " + returned[0] + " rows for " + reporters.size()
                    + " reporters");
        }
        return new Totals(reportTotals, replyTotals);
    }
}
