package vn.smsgw.dispatch.outbound;

import vn.smsgw.dispatch.MutableClock;
import vn.smsgw.dispatch.store.InMemoryTransactions;

class InMemoryOutboundQueueTest extends OutboundQueueContract {
    @Override
    Fixture open(MutableClock clock) {
        InMemoryOutboundQueue queue = new InMemoryOutboundQueue(clock);
        return new Fixture(queue, queue, new InMemoryTransactions(), () -> { });
    }
}
