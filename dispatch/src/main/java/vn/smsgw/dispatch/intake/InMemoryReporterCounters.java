package vn.smsgw.dispatch.intake;

import java.util.HashMap;
import java.util.Map;
import vn.smsgw.dispatch.store.Tx;

/**
 * Reporter counters in memory, for the current day and hour only. Increments become visible when their transaction
 * commits (never when it rolls back). Used by tests and, seeded by {@link ReporterCountsLoader}, by the embedded SQLite
 * store, whose single writer makes a process-local count exact. Thread-safe.
 */
public final class InMemoryReporterCounters implements ReporterCounters {
    private final Map<String, Integer> reports = new HashMap<>();
    private final Map<String, Integer> replies = new HashMap<>();
    private long reportsDay = Long.MIN_VALUE;
    private long repliesHour = Long.MIN_VALUE;

    @Override
    public synchronized Map<String, Integer> addReports(Tx tx, int day, Map<String, Integer> increments) {
        if (day > reportsDay) {
            reports.clear();
            reportsDay = day;
        }
        tx.afterCommit(() -> apply(reports, true, day, increments));
        return totals(reports, increments);
    }

    @Override
    public synchronized Map<String, Integer> addReplies(Tx tx, long hour, Map<String, Integer> increments) {
        if (hour > repliesHour) {
            replies.clear();
            repliesHour = hour;
        }
        tx.afterCommit(() -> apply(replies, false, hour, increments));
        return totals(replies, increments);
    }

    /** Replaces the counts with those of {@code day} and {@code hour}. */
    public synchronized void seed(int day, Map<String, Integer> dayReports, long hour, Map<String, Integer> hourReplies) {
        reports.clear();
        reports.putAll(dayReports);
        reportsDay = day;
        replies.clear();
        replies.putAll(hourReplies);
        repliesHour = hour;
    }

    private synchronized void apply(Map<String, Integer> counts, boolean daily, long period, Map<String, Integer> inc) {
        if (period != (daily ? reportsDay : repliesHour)) {
            return; // the period rolled over while the transaction ran
        }
        inc.forEach((k, v) -> counts.merge(k, v, Integer::sum));
    }

    private static Map<String, Integer> totals(Map<String, Integer> counts, Map<String, Integer> increments) {
        Map<String, Integer> totals = new HashMap<>(increments.size() * 2);
        increments.forEach((k, v) -> totals.put(k, counts.getOrDefault(k, 0) + v));
        return totals;
    }
}
