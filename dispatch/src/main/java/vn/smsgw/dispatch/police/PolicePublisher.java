package vn.smsgw.dispatch.police;

import java.io.IOException;
import java.util.List;

/**
 * A broker that takes police cases for delivery. Implementations need not be thread-safe; the {@link PoliceRelay}
 * calls one from its own thread.
 */
public interface PolicePublisher {

    /**
     * Publishes the batch and returns only once the broker has confirmed every case as durably stored.
     *
     * @throws IOException when the broker is unreachable or did not confirm every case; some may still have been
     *     stored (the caller publishes them again: at-least-once)
     */
    void publish(List<PoliceDelivery> batch) throws IOException;
}
