package vn.smsgw.gateway.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The counters that decide when a configured {@link Faults} fault fires, shared by all sessions. Thread-safe. */
final class FaultState {

    final Faults faults;
    private final AtomicLong submits = new AtomicLong();
    private final AtomicLong moWritten = new AtomicLong();
    private final AtomicLong moFirstAcks = new AtomicLong();
    private final AtomicBoolean connectionDropped = new AtomicBoolean();
    private final Set<String> unansweredIds = ConcurrentHashMap.newKeySet();

    FaultState(Faults faults) {
        this.faults = faults;
    }

    /** Numbers the next submit_sm from 1. */
    long nextSubmit() {
        return submits.incrementAndGet();
    }

    /** Whether the MO deliver_sm about to be written is the one after which the connection drops (once per run). */
    boolean dropAfterThisMo() {
        int after = faults.dropConnectionAfter();
        return after > 0 && moWritten.incrementAndGet() == after && connectionDropped.compareAndSet(false, true);
    }

    /** Whether the MO deliver_sm just acknowledged for the first time is to be delivered again. */
    boolean duplicateAfterAck() {
        return faults.duplicateEvery() > 0 && Faults.every(faults.duplicateEvery(), moFirstAcks.incrementAndGet());
    }

    long submitsSoFar() {
        return submits.get();
    }

    /** Marks the submit_sm_resp carrying this message id as never to be written. */
    void leaveUnanswered(String messageId) {
        unansweredIds.add(messageId);
    }

    /** Whether the submit_sm_resp with this id is to be left out; checked by the writer. */
    boolean isUnanswered(String messageId) {
        return unansweredIds.contains(messageId);
    }

    /** Forgets the id once the (suppressed) response has been handled; true if it was marked. */
    boolean forgetUnanswered(String messageId) {
        return unansweredIds.remove(messageId);
    }
}
