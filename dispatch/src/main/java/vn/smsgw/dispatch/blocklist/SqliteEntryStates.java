package vn.smsgw.dispatch.blocklist;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.smsgw.dispatch.store.JdbcTx;

/**
 * The states of a SQLite store's blocklist entries as last committed, remembered so that a vote on a known entry
 * reads no row of {@code blocklist_entry}.
 *
 * <p>An entry's state is written only by {@link JdbcBlocklistStore}: inserted as CANDIDATE by a vote, changed by
 * {@link JdbcBlocklistStore#transition}. A state read or inserted in a transaction is remembered once that
 * transaction has committed ({@link JdbcTx#afterCommit}, so a rolled-back transaction or savepoint remembers nothing),
 * and only if no entry has changed state since it was read: a change forgets its entry before its UPDATE runs and
 * counts itself, and a remembrance whose count is out of date is dropped. That holds against changes made on other
 * threads too: SQLite runs one write transaction at a time, so a change either committed before the read's
 * transaction began (the read saw it) or began after it, and then its count is newer than the read's. A transition
 * drops the remembrances of every transaction open at the time, not only those of its entry; transitions are rare
 * next to votes, and a dropped state is only read again from its row.
 *
 * <p>Memory: at most {@value #CAPACITY} entries, the least recently used forgotten first. Thread-safe.
 */
final class SqliteEntryStates {
    static final int CAPACITY = 250_000;

    private final Map<String, String> states = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };
    private long changes;

    /** What a transaction has read or inserted, to be remembered once it commits. */
    final class Seen {
        private final long changesAtStart;
        private final Map<String, String> seen = new HashMap<>();

        private Seen() {
            this.changesAtStart = changes;
        }

        void put(String list, String source, String state) {
            seen.put(key(list, source), state);
        }
    }

    /** The remembered state of the entry, or null when it must be read from its row. */
    synchronized String state(String list, String source) {
        return states.get(key(list, source));
    }

    /** Starts collecting what {@code tx} reads; call it before the reads. */
    synchronized Seen seenIn(JdbcTx tx) {
        Seen s = new Seen();
        tx.afterCommit(() -> remember(s));
        return s;
    }

    /** Called before an entry's state is changed in a transaction. */
    synchronized void changing(String list, String source) {
        changes++;
        states.remove(key(list, source));
    }

    private synchronized void remember(Seen s) {
        if (s.changesAtStart == changes) {
            states.putAll(s.seen);
        }
    }

    /** How many states are remembered (for tests). */
    synchronized int size() {
        return states.size();
    }

    private static String key(String list, String source) {
        return list + '\u0000' + source;
    }
}
