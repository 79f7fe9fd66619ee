package vn.smsgw.dispatch.intake;

import vn.smsgw.dispatch.store.InMemoryTransactions;
import vn.smsgw.dispatch.store.Transactions;

class InMemoryReporterCountersTest extends ReporterCountersContract {
    @Override
    Fixture open() {
        ReporterCounters counters = new InMemoryReporterCounters();
        Transactions tx = new InMemoryTransactions();
        return new Fixture() {
            @Override
            public ReporterCounters counters() {
                return counters;
            }

            @Override
            public Transactions transactions() {
                return tx;
            }

            @Override
            public void close() {
            }
        };
    }
}
