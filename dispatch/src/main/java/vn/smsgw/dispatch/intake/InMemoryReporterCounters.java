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
    private final ReporterCountTable reports = new ReporterCountTable();
    private final ReporterCountTable replies = new ReporterCountTable();
    private long reportsDay = Long.MIN_VALUE;
    private long repliesHour = Long.MIN_VALUE;

    @Override
    public synchronized Totals add(Tx tx, int day, Map<String, Integer> reportIncrements, long hour,
                                   Map<String, Integer> replyIncrements) {
        if (day > reportsDay) {
            reports.clear();
            reportsDay = day;
        }
        if (hour > repliesHour) {
            replies.clear();
            repliesHour = hour;
        }
        Map<String, Integer> reportCopy = Map.copyOf(reportIncrements);
        Map<String, Integer> replyCopy = Map.copyOf(replyIncrements);
        tx.afterCommit(() -> {
            apply(reports, true, day, reportCopy);
            apply(replies, false, hour, replyCopy);
        });
        return new Totals(totals(reports, day == reportsDay, reportCopy),
                totals(replies, hour == repliesHour, replyCopy));
    }

    /** Replaces the counts with those of {@code day} and {@code hour}. */
    public synchronized void seed(int day, Map<String, Integer> dayReports, long hour, Map<String, Integer> hourReplies) {
        reports.clear();
        dayReports.forEach(reports::add);
        reportsDay = day;
        replies.clear();
        hourReplies.forEach(replies::add);
        repliesHour = hour;
    }

    private synchronized void apply(ReporterCountTable counts, boolean daily, long period,
                                    Map<String, Integer> inc) {
        if (period != (daily ? reportsDay : repliesHour)) {
            return; // the period rolled over while the transaction ran, or the increment was for an older one
        }
        inc.forEach(counts::add);
    }

    private static Map<String, Integer> totals(ReporterCountTable counts, boolean current,
                                               Map<String, Integer> increments) {
        Map<String, Integer> totals = new HashMap<>(increments.size() * 2);
        increments.forEach((k, v) -> totals.put(k, (current ? counts.get(k) : 0) + v));
        return totals;
    }
}
