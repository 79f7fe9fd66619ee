package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.Carrier;

/** {@link PortabilityStore} in memory, for tests and the demo: accepts any {@link Tx}, no rollback. Thread-safe. */
public final class InMemoryPortabilityStore implements PortabilityStore {
    private final Map<String, Carrier> overrides = new HashMap<>();
    private long revision;

    @Override
    public synchronized Map<String, Carrier> all(Tx tx) {
        return Map.copyOf(overrides);
    }

    @Override
    public synchronized int replace(Tx tx, List<PortabilityOverride> list, Instant loadedAt) {
        Set<String> kept = new HashSet<>();
        list.forEach(o -> kept.add(o.msisdn()));
        int before = overrides.size();
        overrides.keySet().retainAll(kept);
        int removed = before - overrides.size();
        list.forEach(o -> overrides.put(o.msisdn(), o.carrier()));
        revision++;
        return removed;
    }

    @Override
    public synchronized long revision(Tx tx) {
        return revision;
    }
}
