package vn.smsgw.dispatch.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;

/**
 * Rebuilds the current day's report counts and hour's reply counts per reporter from the stored reports, for
 * {@link InMemoryReporterCounters} on the embedded store: what intake counted is exactly what it committed. Reports
 * count from their commit time, as intake counts them.
 */
public final class ReporterCountsLoader {

    /*
     * The embedded report table has no index on committed_at (schema version 14: one index fewer for every report the
     * writer inserts), and received_at does not bound it: a concatenated message is committed when its last part
     * arrives or its reassembly times out, and a backlog of timed-out parts, or a process that was down, delays that
     * without limit. The ids do: on SQLite one writer numbers the reports in the order it commits them, each group
     * with the clock's time at its start, so committed_at never decreases along the ids (a clock stepped back breaks
     * that only for the reports around the step). The first report of the day is found by a binary search over the
     * ids, each probe one rowid lookup, and the counts come from the rows after it in one pass.
     */

    private static final int NO_REPORTER = 1 << ReportFlag.INVALID_REPORTER.ordinal();

    private ReporterCountsLoader() {
    }

    /** Counters seeded from {@code db} as of {@code clock}'s now. */
    public static InMemoryReporterCounters load(Database db, Clock clock) {
        long now = clock.millis();
        long offset = IntakeBatch.VIETNAM.getTotalSeconds() * 1000L;
        int day = (int) Math.floorDiv(now + offset, 86_400_000L);
        long dayStart = day * 86_400_000L - offset;
        long hour = Math.floorDiv(now, 3_600_000L);
        long hourStart = Math.max(hour * 3_600_000L, dayStart);
        Map<String, Integer> reports = new HashMap<>();
        Map<String, Integer> replies = new HashMap<>();
        db.read(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            try (PreparedStatement ps = c.prepareStatement("SELECT reporter, "
                    + "SUM(CASE WHEN error = '' THEN 1 ELSE 0 END), SUM(CASE WHEN committed_at >= ? THEN 1 ELSE 0 END) "
                    + "FROM report WHERE id >= ? AND committed_at >= ? AND (flags & " + NO_REPORTER + ") = 0 "
                    + "GROUP BY reporter")) {
                ps.setLong(1, hourStart);
                ps.setLong(2, firstCommittedSince(c, dayStart));
                ps.setLong(3, dayStart);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        putPositive(reports, rs.getString(1), rs.getInt(2));
                        putPositive(replies, rs.getString(1), rs.getInt(3));
                    }
                }
            }
            return null;
        });
        InMemoryReporterCounters counters = new InMemoryReporterCounters();
        counters.seed(day, reports, hour, replies);
        return counters;
    }

    /** The lowest report id committed at or after {@code since} (one past the highest id when there is none). */
    static long firstCommittedSince(Connection c, long since) throws SQLException {
        long lo = 0;
        long hi;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM report");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            hi = rs.getLong(1);
        }
        // every id below lo was committed before since; the first row from hi on, if any, at or after it
        try (PreparedStatement next = c.prepareStatement(
                "SELECT id, committed_at FROM report WHERE id >= ? ORDER BY id LIMIT 1")) {
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2;
                next.setLong(1, mid);
                try (ResultSet rs = next.executeQuery()) {
                    if (!rs.next() || rs.getLong(2) >= since) {
                        hi = mid;
                    } else {
                        lo = rs.getLong(1) + 1;
                    }
                }
            }
        }
        return lo;
    }

    private static void putPositive(Map<String, Integer> counts, String reporter, int n) {
        if (n > 0) {
            counts.put(reporter, n);
        }
    }
}
