package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public synchronized void put(Tx tx, List<PortabilityOverride> list, Instant loadedAt) {
        list.forEach(o -> overrides.put(o.msisdn(), o.carrier()));
        revision++;
    }

    @Override
    public synchronized long revision(Tx tx) {
        return revision;
    }
}
