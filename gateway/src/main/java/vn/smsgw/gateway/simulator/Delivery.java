package vn.smsgw.gateway.simulator;

import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One deliver_sm on its way to an ESME, with its attempts so far and the time it is due (on the lane's ticker).
 * Owned by one thread at a time: the lane's sender, then the thread that completes its response.
 */
final class Delivery implements Delayed {

    final DeliverSmPdu pdu;
    /** system_id of the sessions it may go to, empty for any receiver. */
    final String systemId;
    /** The MO it belongs to, or -1 for a receipt. */
    final int moId;
    final boolean duplicate;
    private final LongSupplier ticker;
    int attempts;
    private long dueNanos;

    Delivery(DeliverSmPdu pdu, String systemId, int moId, boolean duplicate, LongSupplier ticker) {
        this.pdu = pdu;
        this.systemId = systemId;
        this.moId = moId;
        this.duplicate = duplicate;
        this.ticker = ticker;
        this.dueNanos = ticker.getAsLong();
    }

    Delivery dueIn(long nanos) {
        dueNanos = ticker.getAsLong() + nanos;
        return this;
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(dueNanos - ticker.getAsLong(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
