package vn.smsgw.dispatch.police;

import vn.smsgw.dispatch.MutableClock;

class InMemoryPoliceQueueTest extends PoliceQueueContract {
    @Override
    Fixture open(MutableClock clock) {
        InMemoryPoliceQueue q = new InMemoryPoliceQueue(clock, VISIBILITY);
        return new Fixture(q, q.outbox(), new vn.smsgw.dispatch.store.InMemoryTransactions(), () -> { });
    }
}
