package vn.smsgw.dispatch.blocklist;

import java.util.HashMap;
import java.util.Map;
import vn.smsgw.dispatch.store.Tx;

/** {@link AllowlistStore} in memory, for tests and the demo: accepts any {@link Tx}, no rollback. Thread-safe. */
public final class InMemoryAllowlistStore implements AllowlistStore {
    private final Map<String, AllowlistEntry> entries = new HashMap<>();
    private long revision;

    @Override
    public synchronized Map<String, AllowlistEntry> all(Tx tx) {
        return Map.copyOf(entries);
    }

    @Override
    public synchronized boolean contains(Tx tx, String source) {
        return entries.containsKey(source);
    }

    @Override
    public synchronized Put put(Tx tx, AllowlistEntry entry) {
        AllowlistEntry earlier = entries.get(entry.source());
        if (earlier != null && earlier.note().equals(entry.note()) && earlier.origin().equals(entry.origin())) {
            return Put.UNCHANGED;
        }
        entries.put(entry.source(), earlier == null ? entry
                : new AllowlistEntry(entry.source(), entry.note(), entry.origin(), earlier.addedAt()));
        revision++;
        return earlier == null ? Put.ADDED : Put.CHANGED;
    }

    @Override
    public synchronized boolean remove(Tx tx, String source) {
        boolean removed = entries.remove(source) != null;
        if (removed) {
            revision++;
        }
        return removed;
    }

    @Override
    public synchronized long revision(Tx tx) {
        return revision;
    }
}
