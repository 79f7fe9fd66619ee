package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;

/**
 * {@link BlocklistStore} in memory, for tests and the demo: accepts any {@link Tx} and applies writes at once (a
 * failed transaction is not rolled back). Thread-safe (one lock); nothing survives the process.
 */
public final class InMemoryBlocklistStore implements BlocklistStore {
    private record VoteKey(String list, String source, Command command, String reporter) {
    }

    private record EntryKey(String list, String source) {
    }

    private static final class Entry {
        final SourceType type;
        EntryState state = EntryState.CANDIDATE;
        int reporters;
        final Set<String> reporterHashes = new HashSet<>();
        Instant listedAt;

        Entry(SourceType type) {
            this.type = type;
        }
    }

    private final Map<String, Map<VoteKey, Instant>> votesBySource = new HashMap<>();
    private final Map<EntryKey, Entry> entries = new HashMap<>();
    private final List<BlocklistEvent> events = new ArrayList<>();
    private final List<AuditRecord> audit = new ArrayList<>();

    @Override
    public synchronized List<VoteTally> record(Tx tx, List<Vote> votes, Map<Command, Instant> windowStart,
                                               Instant now) {
        List<VoteTally> out = new ArrayList<>(votes.size());
        for (Vote v : votes) {
            Instant since = windowStart.get(v.command());
            Map<VoteKey, Instant> ofSource = votesBySource.computeIfAbsent(v.source().value(), s -> new HashMap<>());
            VoteKey key = new VoteKey(v.list(), v.source().value(), v.command(), v.reporterHash());
            Instant earlier = ofSource.get(key);
            boolean fresh = earlier == null;
            boolean counted = fresh || earlier.isBefore(since);
            if (counted) {
                ofSource.put(key, v.at());
            }
            Entry e = entries.computeIfAbsent(new EntryKey(v.list(), v.source().value()),
                    k -> new Entry(v.source().type()));
            if (fresh && e.reporterHashes.add(v.reporterHash())) {
                e.reporters++;
            }
            boolean candidate = e.state == EntryState.CANDIDATE;
            int inWindow = 0;
            if (counted && candidate) {
                for (Map.Entry<VoteKey, Instant> other : ofSource.entrySet()) {
                    VoteKey k = other.getKey();
                    if (k.list().equals(v.list()) && k.command() == v.command() && !other.getValue().isBefore(since)) {
                        inWindow++;
                    }
                }
            }
            out.add(new VoteTally(counted, e.reporters, inWindow, candidate));
        }
        return out;
    }

    @Override
    public synchronized boolean transition(Tx tx, Transition t) {
        Entry e = entries.get(new EntryKey(t.list(), t.source()));
        if (e == null || e.state != t.from()) {
            return false;
        }
        e.state = t.to();
        if (t.to() == EntryState.LISTED) {
            e.listedAt = t.at();
        }
        events.add(new BlocklistEvent(events.size() + 1L, t.list(), t.source(), e.type, t.eventKind(), t.reason(),
                t.at()));
        return true;
    }

    @Override
    public synchronized List<BlocklistEntry> entries(Tx tx, String source) {
        List<BlocklistEntry> out = new ArrayList<>();
        entries.forEach((k, e) -> {
            if (k.source().equals(source)) {
                out.add(new BlocklistEntry(k.list(), k.source(), e.type, e.state, e.reporters));
            }
        });
        out.sort(Comparator.comparing(BlocklistEntry::list));
        return out;
    }

    @Override
    public void forEachListed(Tx tx, String list, Consumer<ListedEntry> sink) {
        TreeMap<String, ListedEntry> listed = new TreeMap<>();
        synchronized (this) {
            entries.forEach((k, e) -> {
                if (k.list().equals(list) && e.state == EntryState.LISTED) {
                    listed.put(k.source(), new ListedEntry(list, k.source(), e.type, e.reporters, e.listedAt));
                }
            });
        }
        listed.values().forEach(sink);
    }

    @Override
    public synchronized List<BlocklistEvent> changes(Tx tx, String list, long afterSeq, int limit) {
        return events.stream()
                .filter(e -> e.seq() > afterSeq && e.list().equals(list))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void audit(Tx tx, AuditRecord record) {
        audit.add(record);
    }

    @Override
    public synchronized List<AuditRecord> auditTrail(Tx tx, String source) {
        return audit.stream().filter(r -> r.source().equals(source)).toList();
    }
}
