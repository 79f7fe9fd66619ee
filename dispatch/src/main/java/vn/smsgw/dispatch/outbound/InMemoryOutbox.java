package vn.smsgw.dispatch.outbound;

import java.util.ArrayList;
import java.util.List;
import vn.smsgw.dispatch.store.Tx;

/** The outbound queue in memory, for tests and fakes. Thread-safe. */
public final class InMemoryOutbox implements Outbox {
    private final List<OutboundSms> queued = new ArrayList<>();

    @Override
    public synchronized void enqueue(Tx tx, List<OutboundSms> messages) {
        queued.addAll(messages);
    }

    /** Everything queued so far, in order. */
    public synchronized List<OutboundSms> queued() {
        return List.copyOf(queued);
    }
}
