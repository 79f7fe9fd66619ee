package vn.smsgw.dispatch.blocklist;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.report.Command;

/**
 * How {@link JdbcBlocklistStore} records a batch of votes. Thread-safe; every call runs in the caller's
 * {@link JdbcTx}.
 *
 * <p>A batch is recorded set-wise, in a handful of statements whatever its size, and never scans a source's
 * votes: one multi-row vote insert that returns the new (list, source, command, reporter) keys, the refresh of a
 * known vote only when it fell out of the window (so a reporter counts once per source and command within any
 * window), one multi-row reporter insert (once per list and source, whatever the command) that returns the new
 * reporters, one multi-row entry upsert with one row per (list, source) of the batch, which adds the batch's new
 * reporters to the entry's running count and returns its state and total, and, only for entries that are
 * candidates, one query counting the votes within the window per (list, source, command) through the primary-key
 * prefix. Each vote's tally is then derived as of that vote, in the batch's order. The rows of each statement are
 * in the batch's (lock) order. A listed number reported by thousands costs the same per vote as a new one.
 *
 * <p>On SQLite the vote and reporter keys are answered from memory instead and their rows only appended
 * ({@link SqliteVoteIndex}); so one instance must serve one database, and it is thread-safe but not stateless there.
 * A vote on a known entry writes nothing to its row there: the entries' states are read, only new entries inserted,
 * and an entry's live reporter count is the vote index's, which this store's readers return; the row's
 * {@code reporters} is brought up to date when the entry changes state (never lowered), its {@code last_reported_at}
 * is that of its creation and its {@code updated_at} that of its creation or last change of state. The index takes a
 * commit's votes just after the commit, so a reader or an operator action that starts in that moment sees the
 * entry's count of the group before (never less than its row's).
 */
final class JdbcVotes {
    private static final String ENTRIES = "INSERT INTO blocklist_entry (list, source, source_type, state, reporters, "
            + "first_reported_at, last_reported_at, listed_at, updated_at) ";
    private static final String ENTRIES_END = " ON CONFLICT (list, source) DO UPDATE SET "
            + "reporters = blocklist_entry.reporters + excluded.reporters, "
            + "last_reported_at = CASE WHEN excluded.last_reported_at > blocklist_entry.last_reported_at "
            + "THEN excluded.last_reported_at ELSE blocklist_entry.last_reported_at END, "
            + "updated_at = excluded.updated_at RETURNING list, source, state, reporters";
    private static final String SQLITE_STATES = "SELECT e.list, e.source, e.state FROM q CROSS JOIN blocklist_entry e "
            + "ON e.list = q.list AND e.source = q.source";

    private final SqliteVoteIndex sqliteVotes;
    private final SqliteEntryStates sqliteStates;

    JdbcVotes(SqliteVoteIndex sqliteVotes, SqliteEntryStates sqliteStates) {
        this.sqliteVotes = sqliteVotes;
        this.sqliteStates = sqliteStates;
    }

    /** The tally of each vote, in the batch's order; see {@link BlocklistStore#record}. */
    List<VoteTally> record(Tx tx, List<Vote> votes, Map<Command, Instant> windowStart, Instant now) {
        JdbcTx c = JdbcTx.of(tx);
        int n = votes.size();
        try {
            // 1-3 on SQLite: the keys are held in memory and the rows only appended (SqliteVoteIndex)
            VoteKeys keys = c.dialect() == Dialect.SQLITE ? sqliteVotes.record(c, votes, windowStart)
                    : PgVoteKeys.of(c, votes, windowStart);
            boolean[] counted = keys.counted();
            boolean[] newReporter = keys.newReporter();
            // 4. Entries, one row per (list, source): on PostgreSQL an upsert adding its new reporters, which returns
            // state and total; on SQLite the states read, new entries inserted, totals from the vote index.
            Map<EntryKey, EntryRow> entries = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Vote v = votes.get(i);
                EntryRow row = entries.computeIfAbsent(EntryKey.of(v), k -> new EntryRow(v));
                row.add(v, newReporter[i]);
            }
            if (c.dialect() == Dialect.SQLITE) {
                sqliteEntries(c, entries, now);
            } else {
                upsertEntries(c, entries, now);
            }
            // 5. Per vote, the entry's reporters as of that vote: the total less the new reporters after it.
            int[] reporters = new int[n];
            boolean[] candidate = new boolean[n];
            Map<EntryKey, Integer> pendingNew = new HashMap<>();
            entries.forEach((k, row) -> pendingNew.put(k, row.newReporters));
            for (int i = 0; i < n; i++) {
                EntryKey k = EntryKey.of(votes.get(i));
                EntryRow row = entries.get(k);
                int left = pendingNew.get(k) - (newReporter[i] ? 1 : 0);
                pendingNew.put(k, left);
                reporters[i] = row.reporters - left;
                candidate[i] = EntryState.CANDIDATE.name().equals(row.state);
            }
            // 6. Window counts, only for counted votes on candidate entries: one count per (list, source, command),
            // then each vote gets the count as of that vote (less the counted votes after it in the window).
            int[] inWindow = VoteWindows.of(c, sqliteVotes, votes, windowStart, counted, candidate);
            List<VoteTally> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new VoteTally(counted[i], reporters[i], inWindow[i], candidate[i]));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot record blocklist votes: " + e.getMessage(), e);
        }
    }

    private static void upsertEntries(JdbcTx tx, Map<EntryKey, EntryRow> entries, Instant now) throws SQLException {
        MultiRow values = new MultiRow(tx.dialect(), "text", "text", "text", "text", "integer", "bigint", "bigint",
                "bigint", "bigint");
        for (EntryRow row : entries.values()) {
            values.add(row.list, row.source, row.sourceType, EntryState.CANDIDATE.name(), row.newReporters,
                    row.firstAt, row.lastAt, null, now.toEpochMilli());
        }
        values.forEachChunk(tx, src -> ENTRIES + src + ENTRIES_END, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EntryRow row = entries.get(new EntryKey(rs.getString(1), rs.getString(2)));
                    row.state = rs.getString(3);
                    row.reporters = rs.getInt(4);
                }
            }
        });
        for (EntryRow row : entries.values()) {
            if (row.state == null) {
                throw new SQLException("no entry returned for " + row.list + "/" + row.source);
            }
        }
    }

    /**
     * Step 4 on SQLite: the entries' states read (those not remembered by {@link SqliteEntryStates}), only the new
     * entries inserted, and each entry's reporters taken from the vote index. A known entry's row is not rewritten
     * for a vote: that would dirty a random page of the table at every vote, the most of a group commit's pages. Its
     * reporters column is written when its state changes ({@link JdbcBlocklistStore#transition}); readers of this store get the live
     * count ({@link JdbcBlocklistStore#entries}, {@link JdbcBlocklistStore#forEachListed}).
     */
    private void sqliteEntries(JdbcTx tx, Map<EntryKey, EntryRow> entries, Instant now) throws SQLException {
        SqliteEntryStates.Seen seen = sqliteStates.seenIn(tx);
        MultiRow keys = new MultiRow(tx.dialect(), "text", "text");
        for (EntryRow row : entries.values()) {
            row.state = sqliteStates.state(row.list, row.source);
            if (row.state == null) {
                keys.add(row.list, row.source);
            }
        }
        keys.forEachChunk(tx, src -> "WITH q (list, source) AS (" + src + ") " + SQLITE_STATES, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.get(new EntryKey(rs.getString(1), rs.getString(2))).state = rs.getString(3);
                    seen.put(rs.getString(1), rs.getString(2), rs.getString(3));
                }
            }
        });
        MultiRow fresh = new MultiRow(tx.dialect(), "text", "text", "text", "text", "integer", "bigint", "bigint",
                "bigint", "bigint");
        for (EntryRow row : entries.values()) {
            if (row.state == null) {
                fresh.add(row.list, row.source, row.sourceType, EntryState.CANDIDATE.name(), row.newReporters,
                        row.firstAt, row.lastAt, null, now.toEpochMilli());
                row.state = EntryState.CANDIDATE.name();
                seen.put(row.list, row.source, row.state);
            }
        }
        fresh.forEachChunk(tx, src -> ENTRIES + src, PreparedStatement::executeUpdate);
        for (EntryRow row : entries.values()) {
            row.reporters = sqliteVotes.reporters(tx, row.list, row.source);
        }
    }

    private record EntryKey(String list, String source) {
        static EntryKey of(Vote v) {
            return new EntryKey(v.list(), v.source().value());
        }
    }

    /** One entry's upsert row, aggregated over the batch's votes for it, and what the upsert returned. */
    private static final class EntryRow {
        final String list;
        final String source;
        final String sourceType;
        final long firstAt;
        long lastAt;
        int newReporters;
        String state;
        int reporters;

        EntryRow(Vote first) {
            this.list = first.list();
            this.source = first.source().value();
            this.sourceType = first.source().type().name();
            this.firstAt = first.at().toEpochMilli();
            this.lastAt = firstAt;
        }

        void add(Vote v, boolean newReporter) {
            lastAt = Math.max(lastAt, v.at().toEpochMilli());
            if (newReporter) {
                newReporters++;
            }
        }
    }
}
