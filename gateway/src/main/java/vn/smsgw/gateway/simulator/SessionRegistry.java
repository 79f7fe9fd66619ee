package vn.smsgw.gateway.simulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.session.Session;

/** The sessions bound right now; hands out receivers round-robin. Thread-safe. */
final class SessionRegistry {

    private final List<BoundSession> sessions = new CopyOnWriteArrayList<>();
    private volatile BoundSession[] snapshot = new BoundSession[0];
    private final AtomicInteger cursor = new AtomicInteger();
    private final Object changed = new Object();

    synchronized void add(BoundSession session) {
        sessions.add(session);
        snapshot = sessions.toArray(new BoundSession[0]);
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    synchronized void remove(Session session) {
        sessions.removeIf(bound -> bound.session == session);
        snapshot = sessions.toArray(new BoundSession[0]);
    }

    int size() {
        return sessions.size();
    }

    List<BoundSession> all() {
        return List.copyOf(sessions);
    }

    /** The system_id the session bound with, or empty if it is not bound. */
    String systemIdOf(Session session) {
        for (BoundSession bound : sessions) {
            if (bound.session == session) {
                return bound.systemId;
            }
        }
        return "";
    }

    /**
     * A session that can receive deliver_sm for {@code systemId} (empty: any), waiting up to {@code timeoutMillis}
     * for one to bind; null if none did.
     */
    BoundSession awaitReceiver(String systemId, long timeoutMillis) throws InterruptedException {
        BoundSession receiver = nextReceiver(systemId);
        if (receiver != null) {
            return receiver;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (changed) {
            while ((receiver = nextReceiver(systemId)) == null) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return null;
                }
                changed.wait(Math.min(left, 50));
            }
            return receiver;
        }
    }

    private BoundSession nextReceiver(String systemId) {
        BoundSession[] current = snapshot;
        int n = current.length;
        int start = Math.floorMod(cursor.getAndIncrement(), Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            BoundSession candidate = current[(start + i) % n];
            if (candidate.canReceive(systemId)) {
                return candidate;
            }
        }
        return null;
    }
}
