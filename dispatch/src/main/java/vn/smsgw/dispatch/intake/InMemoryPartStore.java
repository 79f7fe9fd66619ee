package vn.smsgw.dispatch.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Tx;

/** MO parts in memory, for tests and fakes; the same rules as {@link JdbcPartStore}. Thread-safe. */
public final class InMemoryPartStore implements PartStore {
    private final Map<String, TreeMap<Integer, StoredPart>> open = new HashMap<>();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    /** Parts of stored messages by key#seq#hash: when their message was stored. */
    private final Map<String, Long> done = new HashMap<>();
    /** The last message stored under each key. */
    private final Map<String, Closed> closed = new HashMap<>();
    /** Late parts by key#seq#hash, in arrival order. */
    private final Map<String, Late> late = new LinkedHashMap<>();

    private record Closed(CaseId caseId, Set<Integer> seqs, long at) {
    }

    private record Late(CaseId caseId, StoredPart part) {
    }

    @Override
    public synchronized Added add(Tx tx, InboundPart p, String textHash) {
        String key = p.groupKey();
        String id = key + "#" + p.seq() + "#" + textHash;
        if (done.containsKey(id)) {
            return new Added.Duplicate();
        }
        TreeMap<Integer, StoredPart> parts = open.get(key);
        Closed last = closed.get(key);
        if (parts == null && last != null && !last.seqs().contains(p.seq())) {
            return late.putIfAbsent(id, new Late(last.caseId(), p.stored())) == null
                    ? new Added.Late(last.caseId()) : new Added.Duplicate();
        }
        parts = open.computeIfAbsent(key, k -> new TreeMap<>());
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
    public synchronized void complete(Tx tx, String groupKey, CaseId caseId, long epochMillis) {
        TreeMap<Integer, StoredPart> parts = open.remove(groupKey);
        firstSeen.remove(groupKey);
        if (parts != null) {
            for (Integer seq : parts.keySet()) {
                done.put(groupKey + "#" + seq + "#" + hashes.remove(groupKey + "#" + seq), epochMillis);
            }
            closed.put(groupKey, new Closed(caseId, Set.copyOf(parts.keySet()), epochMillis));
        }
    }

    @Override
    public synchronized int expireDone(Tx tx, long epochMillis) {
        int before = done.size();
        done.values().removeIf(t -> t < epochMillis);
        closed.values().removeIf(c -> c.at() < epochMillis);
        return before - done.size();
    }

    @Override
    public synchronized List<StoredPart> lateParts(Tx tx, CaseId caseId) {
        return late.values().stream().filter(l -> l.caseId().equals(caseId)).map(Late::part).toList();
    }
}
