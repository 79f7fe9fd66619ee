package vn.smsgw.dispatch.intake;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
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
    private static final int NO_REPORTER = 1 << ReportFlag.INVALID_REPORTER.ordinal();

    private ReporterCountsLoader() {
    }

    /**
     * Counters seeded from {@code db} as of {@code clock}'s now; {@code reassemblyTimeout} is intake's, and a day is
     * added to it as the margin for a storage outage.
     */
    public static InMemoryReporterCounters load(Database db, Clock clock, Duration reassemblyTimeout) {
        long commitLag = reassemblyTimeout.plusDays(1).toMillis();
        long now = clock.millis();
        long offset = IntakeBatch.VIETNAM.getTotalSeconds() * 1000L;
        int day = (int) Math.floorDiv(now + offset, 86_400_000L);
        long dayStart = day * 86_400_000L - offset;
        long hour = Math.floorDiv(now, 3_600_000L);
        Map<String, Integer> reports = count(db, "SELECT reporter, COUNT(*) FROM report WHERE received_at >= ? "
                + "AND committed_at >= ? AND error = '' AND (flags & " + NO_REPORTER + ") = 0 GROUP BY reporter",
                dayStart, commitLag);
        Map<String, Integer> replies = count(db, "SELECT reporter, COUNT(*) FROM report WHERE received_at >= ? "
                + "AND committed_at >= ? AND (flags & " + NO_REPORTER + ") = 0 GROUP BY reporter",
                hour * 3_600_000L, commitLag);
        InMemoryReporterCounters counters = new InMemoryReporterCounters();
        counters.seed(day, reports, hour, replies);
        return counters;
    }

    private static Map<String, Integer> count(Database db, String sql, long since, long commitLag) {
        return db.read(tx -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
                ps.setLong(1, since - commitLag);
                ps.setLong(2, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }
}
