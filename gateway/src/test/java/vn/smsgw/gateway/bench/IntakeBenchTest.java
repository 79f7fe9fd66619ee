package vn.smsgw.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.SqliteSync;

/**
 * {@code bench intake} runs its callers blocking (0) or on submitting threads, counts what it measured, and returns
 * only once every message it sent is answered (what it measures is not checked here).
 */
class IntakeBenchTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 6})
    @Timeout(120)
    void run_sqlite_measuresCommittedReportsAndLeavesNoneInFlight(int callerThreads) throws Exception {
        try (BenchStore store = BenchStore.sqlite(SqliteSync.FULL)) {
            IntakeBench.Result r = IntakeBench.run("sqlite", store.database(), 6, callerThreads, 0,
                    Duration.ofMillis(300), Duration.ofMillis(1_500));

            assertEquals(0, r.unavailable(), r.toString());
            assertEquals(0, r.unanswered(), "every message sent was answered before the run returned: " + r);
            assertTrue(r.accepted() > 0 && r.p50() > 0 && r.p99() >= r.p50(), r.toString());
            assertEquals(callerThreads == 0 ? "sqlite" : "sqlite on " + callerThreads + " submitting threads",
                    r.store());
            long rows = store.database().inTransaction(tx -> {
                try (ResultSet rs = JdbcTx.of(tx).connection().createStatement()
                        .executeQuery("SELECT count(*) FROM report")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertTrue(rows >= r.accepted(), rows + " stored, " + r);
        }
    }
}
