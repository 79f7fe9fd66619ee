package vn.smsgw.dispatch.blocklist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A broker stand-in: keeps what it is given as "LIST:seq", or fails while it is down. Thread-safe. */
final class RecordingBlocklistPublisher implements BlocklistEventPublisher {
    private final List<String> received = new ArrayList<>();
    private boolean down;

    synchronized void down(boolean isDown) {
        this.down = isDown;
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public synchronized void publish(List<BlocklistEvent> events) throws IOException {
        if (down) {
            throw new IOException("broker down");
        }
        events.forEach(e -> received.add(e.list() + ":" + e.seq()));
    }

    @Override
    public void close() {
    }
}
