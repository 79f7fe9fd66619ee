package vn.smsgw.dispatch.intake;

import java.util.Map;
import java.util.Objects;
import vn.smsgw.dispatch.store.Tx;

/**
 * Per-reporter counters shared by all processes: reports per day (the quota) and replies per hour (the reply rate
 * limit). Increments are atomic in the store, so two processes never both see room for the last slot. Only the
 * current day and hour count: a reporter's count starts again with the first increment of a later day or hour.
 */
public interface ReporterCounters {

    /**
     * Adds one group commit's counts in one step: {@code reports} to each reporter's report count for {@code day},
     * {@code replies} to each reporter's reply count for {@code hour}. Returns the new totals of every reporter in
     * each map. An increment for a day or hour older than the one a reporter's count is already in (a process whose
     * clock is behind another's) is not counted, and its total is the increment alone.
     */
    Totals add(Tx tx, int day, Map<String, Integer> reports, long hour, Map<String, Integer> replies);

    /** New totals: reports in the day, replies in the hour, by reporter. */
    record Totals(Map<String, Integer> reports, Map<String, Integer> replies) {
        public Totals {
            reports = Map.copyOf(Objects.requireNonNull(reports, "reports"));
            replies = Map.copyOf(Objects.requireNonNull(replies, "replies"));
        }
    }
}
