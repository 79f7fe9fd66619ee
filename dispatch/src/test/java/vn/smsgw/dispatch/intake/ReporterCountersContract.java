package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Transactions;

/** The reporter counters port, run against every adapter. */
abstract class ReporterCountersContract {
    /** The counters and the transactions they are written in. */
    interface Fixture extends AutoCloseable {
        ReporterCounters counters();

        Transactions transactions();

        @Override
        void close();
    }

    private Fixture fx;

    abstract Fixture open();

    @BeforeEach
    void setUp() {
        fx = open();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    ReporterCounters.Totals add(int day, Map<String, Integer> reports, long hour, Map<String, Integer> replies) {
        return fx.transactions().inTransaction(tx -> fx.counters().add(tx, day, reports, hour, replies));
    }

    @Test
    void add_sameDayAndHour_returnsTheRunningTotals() {
        assertEquals(new ReporterCounters.Totals(Map.of("a", 2, "b", 1), Map.of("a", 2, "b", 1, "c", 1)),
                add(10, Map.of("a", 2, "b", 1), 100, Map.of("a", 2, "b", 1, "c", 1)));
        assertEquals(new ReporterCounters.Totals(Map.of("a", 3), Map.of("a", 3, "c", 2)),
                add(10, Map.of("a", 1), 100, Map.of("a", 1, "c", 1)));
    }

    @Test
    void add_reporterWithRepliesOnly_getsNoReportTotalAndStartsItsDayAtZero() {
        assertEquals(new ReporterCounters.Totals(Map.of(), Map.of("a", 1)), add(10, Map.of(), 100, Map.of("a", 1)));
        assertEquals(new ReporterCounters.Totals(Map.of("a", 1), Map.of("a", 2)),
                add(10, Map.of("a", 1), 100, Map.of("a", 1)));
    }

    @Test
    void add_laterDay_startsTheReportsAgainAndKeepsTheHour() {
        add(10, Map.of("a", 3), 100, Map.of("a", 3));
        assertEquals(new ReporterCounters.Totals(Map.of("a", 1), Map.of("a", 4)),
                add(11, Map.of("a", 1), 100, Map.of("a", 1)));
        assertEquals(new ReporterCounters.Totals(Map.of("a", 2), Map.of("a", 5)),
                add(11, Map.of("a", 1), 100, Map.of("a", 1)));
    }

    @Test
    void add_laterHour_startsTheRepliesAgainAndKeepsTheDay() {
        add(10, Map.of("a", 2), 100, Map.of("a", 2));
        assertEquals(new ReporterCounters.Totals(Map.of("a", 3), Map.of("a", 1)),
                add(10, Map.of("a", 1), 101, Map.of("a", 1)));
    }

    @Test
    void add_olderDayAndHour_countsOnlyTheIncrementAndLeavesTheNewerCounts() {
        add(11, Map.of("a", 2), 101, Map.of("a", 2));
        assertEquals(new ReporterCounters.Totals(Map.of("a", 1), Map.of("a", 1)),
                add(10, Map.of("a", 1), 100, Map.of("a", 1)));
        assertEquals(new ReporterCounters.Totals(Map.of("a", 3), Map.of("a", 3)),
                add(11, Map.of("a", 1), 101, Map.of("a", 1)));
    }

    @Test
    void add_inARolledBackTransaction_countsNothing() {
        add(10, Map.of("a", 1), 100, Map.of("a", 1));
        assertThrows(StorageException.class, () -> fx.transactions().inTransaction(tx -> {
            fx.counters().add(tx, 10, Map.of("a", 5), 100, Map.of("a", 5));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(new ReporterCounters.Totals(Map.of("a", 2), Map.of("a", 2)),
                add(10, Map.of("a", 1), 100, Map.of("a", 1)));
    }

    @Test
    void add_nothing_returnsNoTotals() {
        assertEquals(new ReporterCounters.Totals(Map.of(), Map.of()), add(10, Map.of(), 100, Map.of()));
    }
}
