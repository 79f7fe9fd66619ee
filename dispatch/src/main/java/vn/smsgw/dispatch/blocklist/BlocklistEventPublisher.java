package vn.smsgw.dispatch.blocklist;

import java.io.IOException;
import java.util.List;

/**
 * A broker that takes blocklist events (listed, delisted) for the carriers. Implementations need not be thread-safe;
 * the {@link BlocklistFeedRelay} calls one from its own thread.
 */
public interface BlocklistEventPublisher extends AutoCloseable {

    /**
     * Publishes the events, in order, each under its list (the carrier) and its seq, and returns only once the broker
     * has confirmed every one as durably stored.
     *
     * @throws IOException when the broker is unreachable or did not confirm every event; some may still have been
     *     stored (the caller publishes them again: at-least-once), and the next call tries to reach it again
     */
    void publish(List<BlocklistEvent> events) throws IOException;

    /** Releases the broker connection; a later {@link #publish} opens a new one. */
    @Override
    void close();
}
