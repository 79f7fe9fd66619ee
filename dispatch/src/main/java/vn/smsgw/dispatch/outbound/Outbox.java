package vn.smsgw.dispatch.outbound;

import java.util.List;
import vn.smsgw.dispatch.store.Tx;

/** The durable outbound queue: intake enqueues replies in its own transaction; the SMPP submitter drains it. */
public interface Outbox {

    /** Queues the messages in state PENDING. */
    void enqueue(Tx tx, List<OutboundSms> messages);
}
