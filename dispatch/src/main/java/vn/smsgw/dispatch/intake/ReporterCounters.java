package vn.smsgw.dispatch.intake;

import java.util.Map;
import vn.smsgw.dispatch.store.Tx;

/**
 * Per-reporter counters shared by all processes: reports per day (the quota) and replies per hour (the reply rate
 * limit). Increments are atomic in the store, so two processes never both see room for the last slot.
 */
public interface ReporterCounters {

    /** Adds {@code increments} to each reporter's report count for {@code day}; returns the new totals. */
    Map<String, Integer> addReports(Tx tx, int day, Map<String, Integer> increments);

    /** Adds {@code increments} to each reporter's reply count for {@code hour}; returns the new totals. */
    Map<String, Integer> addReplies(Tx tx, long hour, Map<String, Integer> increments);
}
