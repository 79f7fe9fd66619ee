package vn.smsgw.dispatch.intake;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.CommitStage;
import vn.smsgw.dispatch.store.CompactKey;
import vn.smsgw.dispatch.store.Hash128Table;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;

/**
 * The live dedupe keys of a SQLite report store, held in memory so that storing a report only appends.
 *
 * <p>On PostgreSQL {@code report.dedupe_key} is a unique index shared by every process. On SQLite a key, a SHA-256
 * hash, would land on a random page of that index at every commit, and a group commit's cost is the pages it writes.
 * SQLite has one writer, this process, so there the key goes to the unindexed column {@code dedupe_hash}
 * ({@code dedupe_key} stays NULL, and is no longer indexed since schema version 14) and the live keys are held here:
 * loaded at first use from the rows whose {@code dedupe_hash} (or, in rows written before schema version 9,
 * {@code dedupe_key}) is still set, forgotten with it when the dedupe window is over. Keys of a batch are staged and
 * become visible only once its transaction has committed ({@link CommitStage}).
 *
 * <p>Memory: one entry per message within the window. The keys that intake writes, 32 hexadecimal digits, are held
 * in a {@link Hash128Table} with the sequence of the case id and the receipt time: no object per message, so the
 * collector neither copies nor traces the window (with a map entry, key and value per message it copied every report
 * of the window at least once, and its young pauses grew with the intake rate). Any other key text (none is written
 * by this version) is held in a map. The window holds at most {@link Hash128Table#maxSize()} keys (2^27, about 777
 * messages a second for the default 48 hours); a batch that would go beyond is refused as a storage failure. Thread-safe.
 */
final class SqliteDedupeIndex {
    /** A committed or staged message: the sequence of its case id and when it was received. */
    private record Live(long sequence, long receivedAt) {
    }

    /** Committed keys of 32 hexadecimal digits: sequence and receipt time. */
    private final Hash128Table hexKeys = new Hash128Table();
    /** Committed keys of any other text. */
    private final Map<String, Live> otherKeys = new HashMap<>();
    private boolean loaded;
    private final CommitStage<Map<String, Live>> stage = new CommitStage<>(this, HashMap::new, this::commit);

    /** The case ids of committed or staged messages with one of {@code wanted} as key. */
    synchronized Map<String, CaseId> find(JdbcTx tx, Collection<String> wanted) throws SQLException {
        load(tx);
        Map<String, Live> staged = stage.ifOpen(tx);
        Map<String, CaseId> found = new HashMap<>();
        for (String key : wanted) {
            Live live = staged == null ? null : staged.get(key);
            long sequence = live != null ? live.sequence() : committedSequence(key);
            if (sequence >= 0) {
                found.put(key, CaseId.fromSequence(sequence));
            }
        }
        return found;
    }

    /** The sequence of the committed message with {@code key}, or -1. */
    private long committedSequence(String key) {
        CompactKey.Bits bits = CompactKey.parse(key);
        if (bits != null) {
            int slot = hexKeys.find(bits.high(), bits.low());
            return slot < 0 ? -1 : hexKeys.first(slot);
        }
        Live live = otherKeys.get(key);
        return live == null ? -1 : live.sequence();
    }

    /** Stages the keys of {@code reports}, stored in {@code tx}; {@link #load} must have run before they were. */
    synchronized void add(JdbcTx tx, List<NewReport> reports) {
        if (!loaded) {
            throw new IllegalStateException("dedupe keys not loaded before the reports were inserted");
        }
        Map<String, Live> open = stage.ifOpen(tx);
        if ((long) hexKeys.size() + (open == null ? 0 : open.size()) + reports.size() > Hash128Table.maxSize()) {
            // refused before the commit, which rolls back: a key applied after it could no longer be held
            throw new StorageException("the embedded store's dedupe window holds " + hexKeys.size() + " keys, and "
                    + "this group would take it past its limit of " + Hash128Table.maxSize()
                    + "; shorten intake.dedupeWindow or use PostgreSQL");
        }
        Map<String, Live> staged = stage.of(tx);
        for (NewReport r : reports) {
            // a report's id is the sequence of its case id, as the store's lookup by case id relies on
            staged.put(r.dedupeKey(), new Live(r.id(), r.sms().receivedAt().toEpochMilli()));
        }
    }

    private void commit(Map<String, Live> staged) {
        staged.forEach(this::put);
    }

    private void put(String key, Live live) {
        CompactKey.Bits bits = CompactKey.parse(key);
        if (bits != null) {
            hexKeys.put(bits.high(), bits.low(), live.sequence(), live.receivedAt());
        } else {
            otherKeys.put(key, live);
        }
    }

    /**
     * Forgets the keys of messages received before {@code epochMillis}; returns the earliest receipt time among them,
     * if any, so that the table is cleared over that range only and not over every older row.
     */
    synchronized OptionalLong expire(JdbcTx tx, long epochMillis) throws SQLException {
        load(tx);
        long[] earliest = {Long.MAX_VALUE};
        hexKeys.retainIf((sequence, receivedAt) -> {
            if (receivedAt < epochMillis) {
                earliest[0] = Math.min(earliest[0], receivedAt);
                return false;
            }
            return true;
        });
        for (Iterator<Live> it = otherKeys.values().iterator(); it.hasNext(); ) {
            long receivedAt = it.next().receivedAt();
            if (receivedAt < epochMillis) {
                earliest[0] = Math.min(earliest[0], receivedAt);
                it.remove();
            }
        }
        return earliest[0] == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(earliest[0]);
    }

    /**
     * Loads the live keys from the table, once; call it before {@code tx} writes reports, whose rows would otherwise
     * be read as committed.
     */
    synchronized void load(JdbcTx tx) throws SQLException {
        if (loaded) {
            return;
        }
        // one pass over the table: neither column is indexed on SQLite (schema versions 9 and 14)
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT dedupe_hash, dedupe_key, id, received_at "
                + "FROM report WHERE dedupe_hash IS NOT NULL OR dedupe_key IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Live live = new Live(rs.getLong(3), rs.getLong(4));
                for (int column = 1; column <= 2; column++) {
                    String key = rs.getString(column);
                    if (key != null) {
                        put(key, live);
                    }
                }
            }
        }
        loaded = true;
    }
}
