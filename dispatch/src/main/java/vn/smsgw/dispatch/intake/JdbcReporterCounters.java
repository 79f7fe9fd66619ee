package vn.smsgw.dispatch.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;

/**
 * Reporter counters on SQLite or PostgreSQL: one multi-row atomic upsert for all reporters of a call, returning the
 * new totals, so concurrent processes serialise on the counter rows. Rows are written in reporter order, so two
 * processes updating the same reporters lock them in the same order.
 */
public final class JdbcReporterCounters implements ReporterCounters {

    @Override
    public Map<String, Integer> addReports(Tx tx, int day, Map<String, Integer> increments) {
        return add(tx, "INSERT INTO reporter_day (reporter, day, reports) ",
                " ON CONFLICT (reporter, day) DO UPDATE SET reports = reporter_day.reports + excluded.reports "
                + "RETURNING reporter, reports", day, increments);
    }

    @Override
    public Map<String, Integer> addReplies(Tx tx, long hour, Map<String, Integer> increments) {
        return add(tx, "INSERT INTO reporter_hour (reporter, hour, replies) ",
                " ON CONFLICT (reporter, hour) DO UPDATE SET replies = reporter_hour.replies + excluded.replies "
                + "RETURNING reporter, replies", hour, increments);
    }

    private static Map<String, Integer> add(Tx tx, String insert, String upsert, long period,
                                            Map<String, Integer> increments) {
        JdbcTx jtx = JdbcTx.of(tx);
        Map<String, Integer> totals = new HashMap<>(increments.size() * 2);
        List<String> reporters = new ArrayList<>(increments.keySet());
        reporters.sort(null);
        MultiRow rows = new MultiRow(jtx.dialect(), "text", "bigint", "integer");
        for (String r : reporters) {
            rows.add(r, period, increments.get(r));
        }
        try {
            rows.forEachChunk(jtx, src -> insert + src + upsert, ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        totals.put(rs.getString(1), rs.getInt(2));
                    }
                }
            });
        } catch (SQLException e) {
            throw new StorageException("cannot update reporter counters: " + e.getMessage(), e);
        }
        if (totals.size() != increments.size()) {
            throw new StorageException("reporter counters: " + totals.size() + " totals for " + increments.size()
                    + " reporters");
        }
        return totals;
    }
}
