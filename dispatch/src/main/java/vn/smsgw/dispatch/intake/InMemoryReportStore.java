package vn.smsgw.dispatch.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Tx;

/** The report store in memory, for tests and fakes. Thread-safe; nothing is durable. */
public final class InMemoryReportStore implements ReportStore {
    private final TreeMap<Long, NewReport> byId = new TreeMap<>();
    private final Map<String, Long> byDedupeKey = new HashMap<>();
    private long next = 1;

    @Override
    public synchronized long[] allocate(Tx tx, int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = next++;
        }
        return ids;
    }

    @Override
    public synchronized Map<String, CaseId> findByDedupeKeys(Tx tx, Collection<String> keys) {
        Map<String, CaseId> found = new HashMap<>();
        for (String k : keys) {
            Long id = byDedupeKey.get(k);
            if (id != null) {
                found.put(k, byId.get(id).caseId());
            }
        }
        return found;
    }

    @Override
    public synchronized void insert(Tx tx, List<NewReport> reports) {
        for (NewReport r : reports) {
            if (byId.containsKey(r.id()) || byDedupeKey.containsKey(r.dedupeKey())) {
                throw new IllegalStateException("duplicate report id or dedupe key");
            }
        }
        for (NewReport r : reports) {
            byId.put(r.id(), r);
            byDedupeKey.put(r.dedupeKey(), r.id());
        }
    }

    @Override
    public synchronized List<StoredReport> after(long afterId, int limit) {
        List<StoredReport> out = new ArrayList<>();
        for (NewReport r : byId.tailMap(afterId, false).values()) {
            if (out.size() == limit) {
                break;
            }
            out.add(r.toStored());
        }
        return out;
    }

    @Override
    public synchronized Optional<StoredReport> find(CaseId caseId) {
        return byId.values().stream().filter(r -> r.caseId().equals(caseId)).findFirst().map(NewReport::toStored);
    }

    @Override
    public synchronized int expireDedupeKeys(long epochMillis) {
        int n = 0;
        var it = byDedupeKey.entrySet().iterator();
        while (it.hasNext()) {
            if (byId.get(it.next().getValue()).sms().receivedAt().toEpochMilli() < epochMillis) {
                it.remove();
                n++;
            }
        }
        return n;
    }
}
