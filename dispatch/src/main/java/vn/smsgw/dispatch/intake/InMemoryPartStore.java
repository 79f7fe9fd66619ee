package vn.smsgw.dispatch.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.smsgw.dispatch.store.Tx;

/** MO parts in memory, for tests and fakes. Thread-safe. */
public final class InMemoryPartStore implements PartStore {
    private final Map<String, TreeMap<Integer, StoredPart>> open = new HashMap<>();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final Map<String, Long> done = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();

    @Override
    public synchronized Added add(Tx tx, InboundPart p, String textHash) {
        String key = p.groupKey();
        if (done.containsKey(key + "#" + p.seq() + "#" + textHash)) {
            return new Added.Duplicate();
        }
        TreeMap<Integer, StoredPart> parts = open.computeIfAbsent(key, k -> new TreeMap<>());
        if (parts.putIfAbsent(p.seq(), p.stored()) != null) {
            return new Added.Duplicate();
        }
        hashes.put(key + "#" + p.seq(), textHash);
        firstSeen.putIfAbsent(key, p.receivedAt().toEpochMilli());
        return parts.size() >= p.key().total() ? new Added.Completed(key) : new Added.Stored();
    }

    @Override
    public synchronized List<StoredPart> parts(Tx tx, String groupKey) {
        return new ArrayList<>(open.getOrDefault(groupKey, new TreeMap<>()).values());
    }

    @Override
    public synchronized List<String> openSince(Tx tx, long epochMillis, int limit) {
        return firstSeen.entrySet().stream().filter(e -> e.getValue() < epochMillis).map(Map.Entry::getKey)
                .limit(limit).toList();
    }

    @Override
    public synchronized void complete(Tx tx, String groupKey, long epochMillis) {
        TreeMap<Integer, StoredPart> parts = open.remove(groupKey);
        firstSeen.remove(groupKey);
        if (parts != null) {
            for (Integer seq : parts.keySet()) {
                done.put(groupKey + "#" + seq + "#" + hashes.remove(groupKey + "#" + seq), epochMillis);
            }
        }
    }

    @Override
    public synchronized int expireDone(Tx tx, long epochMillis) {
        int before = done.size();
        done.values().removeIf(t -> t < epochMillis);
        return before - done.size();
    }
}
