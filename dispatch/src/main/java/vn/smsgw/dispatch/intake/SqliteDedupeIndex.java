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
import vn.smsgw.dispatch.store.JdbcTx;

/**
 * The live dedupe keys of a SQLite report store, held in memory so that storing a report only appends.
 *
 * <p>On PostgreSQL {@code report.dedupe_key} is a unique index shared by every process. On SQLite a key, a SHA-256
 * hash, would land on a random page of that index at every commit, and a group commit's cost is the pages it writes.
 * SQLite has one writer, this process, so there the key goes to the unindexed column {@code dedupe_hash}
 * ({@code dedupe_key} stays NULL, and is no longer indexed since schema version 14) and the live keys are held here:
 * loaded at first use from the rows whose {@code dedupe_hash} (or, in rows written before schema version 9,
 * {@code dedupe_key}) is still set, forgotten with it when the dedupe window is over. Keys of a batch are staged and
 * become visible only once its transaction has committed ({@link CommitStage}). Memory:
 * one map entry per message within the window, its key held as two longs ({@link CompactKey}) and its case id as the
 * sequence it is derived from: three small objects an entry instead of five, for the lookups and for the collector,
 * which otherwise traced a string, its bytes and a case id for every message of the window. Thread-safe.
 */
final class SqliteDedupeIndex {
    /** A committed or staged message: the sequence of its case id and when it was received. */
    private record Live(long sequence, long receivedAt) {
    }

    /** Keys by {@link CompactKey#of}. */
    private final Map<Object, Live> keys = new HashMap<>();
    private boolean loaded;
    private final CommitStage<Map<Object, Live>> stage = new CommitStage<>(this, HashMap::new, keys::putAll);

    /** The case ids of committed or staged messages with one of {@code wanted} as key. */
    synchronized Map<String, CaseId> find(JdbcTx tx, Collection<String> wanted) throws SQLException {
        load(tx);
        Map<Object, Live> staged = stage.ifOpen(tx);
        Map<String, CaseId> found = new HashMap<>();
        for (String key : wanted) {
            Object k = CompactKey.of(key);
            Live live = staged != null && staged.containsKey(k) ? staged.get(k) : keys.get(k);
            if (live != null) {
                found.put(key, CaseId.fromSequence(live.sequence()));
            }
        }
        return found;
    }

    /** Stages the keys of {@code reports}, stored in {@code tx}; {@link #load} must have run before they were. */
    synchronized void add(JdbcTx tx, List<NewReport> reports) {
        if (!loaded) {
            throw new IllegalStateException("dedupe keys not loaded before the reports were inserted");
        }
        Map<Object, Live> staged = stage.of(tx);
        for (NewReport r : reports) {
            // a report's id is the sequence of its case id, as the store's lookup by case id relies on
            staged.put(CompactKey.of(r.dedupeKey()), new Live(r.id(), r.sms().receivedAt().toEpochMilli()));
        }
    }

    /**
     * Forgets the keys of messages received before {@code epochMillis}; returns the earliest receipt time among them,
     * if any, so that the table is cleared over that range only and not over every older row.
     */
    synchronized OptionalLong expire(JdbcTx tx, long epochMillis) throws SQLException {
        load(tx);
        long earliest = Long.MAX_VALUE;
        for (Iterator<Live> it = keys.values().iterator(); it.hasNext(); ) {
            long receivedAt = it.next().receivedAt();
            if (receivedAt < epochMillis) {
                earliest = Math.min(earliest, receivedAt);
                it.remove();
            }
        }
        return earliest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(earliest);
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
                        keys.put(CompactKey.of(key), live);
                    }
                }
            }
        }
        loaded = true;
    }
}
