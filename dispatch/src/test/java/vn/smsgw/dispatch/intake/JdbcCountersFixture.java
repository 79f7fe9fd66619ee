package vn.smsgw.dispatch.intake;

import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.Transactions;

/** {@link JdbcReporterCounters} on a database, closed with the fixture. */
record JdbcCountersFixture(Database db, ReporterCounters counters) implements ReporterCountersContract.Fixture {
    static JdbcCountersFixture of(Database db) {
        return new JdbcCountersFixture(db, new JdbcReporterCounters());
    }

    @Override
    public Transactions transactions() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
