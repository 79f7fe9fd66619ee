package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

class PostgresReporterCountersTest extends ReporterCountersContract {
    @Override
    Fixture open() {
        return JdbcCountersFixture.of(TestServices.postgres());
    }

    @Test
    void add_fromTwoProcessesAtOnce_losesNoIncrement() throws Exception {
        String schema = TestServices.freshPostgresSchema();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Database a = Database.open(TestServices.postgresConfig(schema));
             Database b = Database.open(TestServices.postgresConfig(schema))) {
            ReporterCounters counters = new JdbcReporterCounters();
            List<Future<?>> work = new ArrayList<>();
            for (Database db : List.of(a, b, a, b)) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        db.inTransaction(tx -> counters.add(tx, 10, Map.of("x", 1, "y", 2), 100, Map.of("x", 1)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            assertEquals(new ReporterCounters.Totals(Map.of("x", 201, "y", 402), Map.of("x", 201)),
                    a.inTransaction(tx -> counters.add(tx, 10, Map.of("x", 1, "y", 2), 100, Map.of("x", 1))));
        } finally {
            pool.shutdownNow();
        }
    }
}
