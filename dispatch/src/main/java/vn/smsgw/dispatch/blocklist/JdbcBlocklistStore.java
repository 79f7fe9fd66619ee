package vn.smsgw.dispatch.blocklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;

/**
 * {@link BlocklistStore} on SQLite or PostgreSQL, with the same SQL on both ({@code ON CONFLICT} upserts,
 * {@code RETURNING}) but for the vote keys (below). Thread-safe; every call runs in the caller's {@link JdbcTx}.
 *
 * <p>Feed order. A reader asks for events after the last seq it saw, so an event must never become visible with a
 * seq lower than one already visible. On PostgreSQL identity values are taken at insert time but become visible at
 * commit, so two transactions could commit seq 11 before seq 10, and a reader at cursor 11 would never see 10. Every
 * transaction therefore takes a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) just before it
 * inserts an event, and holds it until it commits: event-producing transactions are serialised, so seqs commit in
 * order. Listings and operator actions are rare, so votes that change no state never take the lock. SQLite has a
 * single writer ({@code BEGIN IMMEDIATE}), which gives the same order.
 *
 * <p>Votes. A batch is recorded set-wise, in a handful of statements whatever its size, and never scans a source's
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
public final class JdbcBlocklistStore implements BlocklistStore {
    static final long FEED_LOCK_KEY = 0x736d7367_46454544L;

    /** The vote keys when the store is SQLite (unused on PostgreSQL); one store per database. */
    private final SqliteVoteIndex sqliteVotes = new SqliteVoteIndex();
    /** The entries' committed states when the store is SQLite (unused on PostgreSQL). */
    private final SqliteEntryStates sqliteStates = new SqliteEntryStates();

    private static final String NEW_VOTES = "INSERT INTO blocklist_vote (list, source, command, reporter_hash, "
            + "voted_at) ";
    private static final String NEW_VOTES_END = " ON CONFLICT (list, source, command, reporter_hash) DO NOTHING "
            + "RETURNING list, source, command, reporter_hash";
    private static final String REFRESH_VOTE = "UPDATE blocklist_vote SET voted_at = ? WHERE list = ? AND source = ? "
            + "AND command = ? AND reporter_hash = ? AND voted_at < ?";
    private static final String NEW_REPORTERS = "INSERT INTO blocklist_reporter (list, source, reporter_hash) ";
    private static final String NEW_REPORTERS_END = " ON CONFLICT (list, source, reporter_hash) DO NOTHING "
            + "RETURNING list, source, reporter_hash";
    private static final String WINDOWS = "SELECT q.list, q.source, q.command, (SELECT COUNT(*) FROM blocklist_vote v "
            + "WHERE v.list = q.list AND v.source = q.source AND v.command = q.command AND v.voted_at >= q.since) "
            + "FROM q";
    private static final String ENTRIES = "INSERT INTO blocklist_entry (list, source, source_type, state, reporters, "
            + "first_reported_at, last_reported_at, listed_at, updated_at) ";
    private static final String ENTRIES_END = " ON CONFLICT (list, source) DO UPDATE SET "
            + "reporters = blocklist_entry.reporters + excluded.reporters, "
            + "last_reported_at = CASE WHEN excluded.last_reported_at > blocklist_entry.last_reported_at "
            + "THEN excluded.last_reported_at ELSE blocklist_entry.last_reported_at END, "
            + "updated_at = excluded.updated_at RETURNING list, source, state, reporters";
    static final String TO_LISTED = "UPDATE blocklist_entry SET state = ?, listed_at = ?, updated_at = ? "
            + "WHERE list = ? AND source = ? AND state = ?";
    private static final String TO_OTHER = "UPDATE blocklist_entry SET state = ?, updated_at = ? "
            + "WHERE list = ? AND source = ? AND state = ?";
    private static final String SQLITE_STATES = "SELECT e.list, e.source, e.state FROM q CROSS JOIN blocklist_entry e "
            + "ON e.list = q.list AND e.source = q.source";
    private static final String SQLITE_ROW_REPORTERS = "UPDATE blocklist_entry SET reporters = MAX(reporters, ?) "
            + "WHERE list = ? AND source = ?";
    private static final String EVENT = "INSERT INTO blocklist_event (list, source, source_type, event, reason, at) "
            + "SELECT list, source, source_type, ?, ?, ? FROM blocklist_entry WHERE list = ? AND source = ?";
    private static final String EVENT_COLUMNS = "SELECT seq, list, source, source_type, event, reason, at "
            + "FROM blocklist_event ";

    @Override
    public List<VoteTally> record(Tx tx, List<Vote> votes, Map<Command, Instant> windowStart, Instant now) {
        JdbcTx c = JdbcTx.of(tx);
        int n = votes.size();
        try {
            // 1-3 on SQLite: the keys are held in memory and the rows only appended (SqliteVoteIndex)
            VoteKeys keys = c.dialect() == Dialect.SQLITE ? sqliteVotes.record(c, votes, windowStart)
                    : voteKeys(c, votes, windowStart);
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
            int[] inWindow = windowCounts(c, votes, windowStart, counted, candidate);
            List<VoteTally> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new VoteTally(counted[i], reporters[i], inWindow[i], candidate[i]));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot record blocklist votes: " + e.getMessage(), e);
        }
    }

    /** Steps 1-3 on PostgreSQL: which votes count and which reporters are new to their entry, from the primary keys. */
    private static VoteKeys voteKeys(JdbcTx c, List<Vote> votes, Map<Command, Instant> windowStart)
            throws SQLException {
        int n = votes.size();
        // 1. Votes: one multi-row insert of each distinct vote key; it returns the keys that were new. A repeat
        // of a key later in the batch never counts (its vote was just written or refreshed, or is in the window).
        Map<VoteKey, Integer> firstOfKey = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            firstOfKey.putIfAbsent(VoteKey.of(votes.get(i)), i);
        }
        Set<VoteKey> inserted = insertVotes(c, votes, new ArrayList<>(firstOfKey.values()));
        boolean[] fresh = new boolean[n];
        boolean[] counted = new boolean[n];
        List<Integer> repeats = new ArrayList<>();
        for (Map.Entry<VoteKey, Integer> e : firstOfKey.entrySet()) {
            if (inserted.contains(e.getKey())) {
                fresh[e.getValue()] = true;
                counted[e.getValue()] = true;
            } else {
                repeats.add(e.getValue());
            }
        }
        // 2. A known vote counts again only when it fell out of its window (then refreshed): rare.
        refreshVotes(c, votes, repeats, windowStart, counted);
        // 3. Reporters: each new (list, source, reporter) once; the first fresh vote of it in the batch adds it.
        Map<ReporterKey, Integer> firstReporter = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (fresh[i]) {
                firstReporter.putIfAbsent(ReporterKey.of(votes.get(i)), i);
            }
        }
        Set<ReporterKey> newReporters = insertReporters(c, votes, firstReporter);
        boolean[] newReporter = new boolean[n];
        firstReporter.forEach((k, i) -> newReporter[i] = newReporters.contains(k));
        return new VoteKeys(counted, newReporter);
    }

    private static Set<VoteKey> insertVotes(JdbcTx tx, List<Vote> votes, List<Integer> rows) throws SQLException {
        MultiRow values = new MultiRow(tx.dialect(), "text", "text", "text", "text", "bigint");
        for (int i : rows) {
            Vote v = votes.get(i);
            values.add(v.list(), v.source().value(), v.command().name(), v.reporterHash(), v.at().toEpochMilli());
        }
        Set<VoteKey> inserted = new HashSet<>(rows.size() * 2);
        values.forEachChunk(tx, src -> NEW_VOTES + src + NEW_VOTES_END, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(new VoteKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        });
        return inserted;
    }

    private static void refreshVotes(JdbcTx tx, List<Vote> votes, List<Integer> rows,
                                     Map<Command, Instant> windowStart, boolean[] counted) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.prepareReplanned(REFRESH_VOTE)) {
            for (int i : rows) {
                Vote v = votes.get(i);
                ps.setLong(1, v.at().toEpochMilli());
                ps.setString(2, v.list());
                ps.setString(3, v.source().value());
                ps.setString(4, v.command().name());
                ps.setString(5, v.reporterHash());
                ps.setLong(6, windowStart.get(v.command()).toEpochMilli());
                ps.addBatch();
            }
            int[] updated = ps.executeBatch();
            for (int k = 0; k < rows.size(); k++) {
                counted[rows.get(k)] = updated[k] > 0;
            }
        }
    }

    private static Set<ReporterKey> insertReporters(JdbcTx tx, List<Vote> votes, Map<ReporterKey, Integer> rows)
            throws SQLException {
        List<ReporterKey> keys = new ArrayList<>(rows.keySet());
        keys.sort(REPORTER_ORDER); // lock order
        MultiRow values = new MultiRow(tx.dialect(), "text", "text", "text");
        for (ReporterKey k : keys) {
            values.add(k.list(), k.source(), k.reporter());
        }
        Set<ReporterKey> inserted = new HashSet<>(rows.size() * 2);
        values.forEachChunk(tx, src -> NEW_REPORTERS + src + NEW_REPORTERS_END, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(new ReporterKey(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        });
        return inserted;
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
     * for a vote: that would dirty a random page of the table at every vote, the most of a group commit's pages. Its reporters column is written when its state changes
     * ({@link #transition}); readers of this store get the live count ({@link #entries}, {@link #forEachListed}).
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

    private int[] windowCounts(JdbcTx tx, List<Vote> votes, Map<Command, Instant> windowStart,
                               boolean[] counted, boolean[] candidate) throws SQLException {
        int n = votes.size();
        int[] out = new int[n];
        Map<WindowKey, Integer> laterInWindow = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (counted[i] && candidate[i]) {
                laterInWindow.putIfAbsent(WindowKey.of(votes.get(i)), 0);
            }
        }
        if (laterInWindow.isEmpty()) {
            return out;
        }
        Map<WindowKey, Integer> totals = new HashMap<>(laterInWindow.size() * 2);
        if (tx.dialect() == Dialect.SQLITE) {
            for (WindowKey k : laterInWindow.keySet()) {
                totals.put(k, sqliteVotes.inWindow(tx, k.list(), k.source(), k.command(),
                        windowStart.get(k.command()).toEpochMilli()));
            }
        } else {
            countWindows(tx, laterInWindow.keySet(), windowStart, totals);
        }
        walkBack(votes, windowStart, counted, candidate, laterInWindow, totals, out);
        return out;
    }

    private static void countWindows(JdbcTx tx, Set<WindowKey> keys, Map<Command, Instant> windowStart,
                                     Map<WindowKey, Integer> totals) throws SQLException {
        MultiRow values = new MultiRow(tx.dialect(), "text", "text", "text", "bigint").replanned();
        for (WindowKey k : keys) {
            values.add(k.list(), k.source(), k.command().name(), windowStart.get(k.command()).toEpochMilli());
        }
        values.forEachChunk(tx, src -> "WITH q (list, source, command, since) AS (" + src + ") "
                + WINDOWS, ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            totals.put(new WindowKey(rs.getString(1), rs.getString(2),
                                    Command.valueOf(rs.getString(3))), rs.getInt(4));
                        }
                    }
                });
    }

    /** Each vote's window count as of that vote: the total less the counted votes after it within the window. */
    private static void walkBack(List<Vote> votes, Map<Command, Instant> windowStart, boolean[] counted,
                                 boolean[] candidate, Map<WindowKey, Integer> laterInWindow,
                                 Map<WindowKey, Integer> totals, int[] out) {
        for (int i = votes.size() - 1; i >= 0; i--) {
            if (!counted[i]) {
                continue;
            }
            Vote v = votes.get(i);
            WindowKey k = WindowKey.of(v);
            Integer later = laterInWindow.get(k);
            if (later == null) {
                continue;
            }
            if (candidate[i]) {
                out[i] = totals.get(k) - later;
            }
            if (!v.at().isBefore(windowStart.get(v.command()))) {
                laterInWindow.put(k, later + 1);
            }
        }
    }

    private record VoteKey(String list, String source, String command, String reporter) {
        static VoteKey of(Vote v) {
            return new VoteKey(v.list(), v.source().value(), v.command().name(), v.reporterHash());
        }
    }

    private static final Comparator<ReporterKey> REPORTER_ORDER = Comparator.comparing(ReporterKey::list)
            .thenComparing(ReporterKey::source).thenComparing(ReporterKey::reporter);

    private record ReporterKey(String list, String source, String reporter) {
        static ReporterKey of(Vote v) {
            return new ReporterKey(v.list(), v.source().value(), v.reporterHash());
        }
    }

    private record EntryKey(String list, String source) {
        static EntryKey of(Vote v) {
            return new EntryKey(v.list(), v.source().value());
        }
    }

    private record WindowKey(String list, String source, Command command) {
        static WindowKey of(Vote v) {
            return new WindowKey(v.list(), v.source().value(), v.command());
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

    @Override
    public boolean transition(Tx tx, Transition t) {
        JdbcTx jtx = JdbcTx.of(tx);
        boolean listing = t.to() == EntryState.LISTED;
        if (jtx.dialect() == Dialect.SQLITE) {
            sqliteStates.changing(t.list(), t.source());
        }
        try {
            PreparedStatement ps = jtx.statement(listing ? TO_LISTED : TO_OTHER);
            int i = 1;
            ps.setString(i++, t.to().name());
            if (listing) {
                ps.setLong(i++, t.at().toEpochMilli());
            }
            ps.setLong(i++, t.at().toEpochMilli());
            ps.setString(i++, t.list());
            ps.setString(i++, t.source());
            ps.setString(i, t.from().name());
            if (ps.executeUpdate() == 0) {
                return false;
            }
            if (jtx.dialect() == Dialect.SQLITE) {
                int reporters = sqliteVotes.reporters(jtx, t.list(), t.source());
                PreparedStatement count = jtx.statement(SQLITE_ROW_REPORTERS);
                count.setInt(1, reporters);
                count.setString(2, t.list());
                count.setString(3, t.source());
                count.executeUpdate();
            }
            lockFeed(jtx);
            appendEvent(jtx, t);
            return true;
        } catch (SQLException e) {
            throw new StorageException("cannot change blocklist entry: " + e.getMessage(), e);
        }
    }

    private static void lockFeed(JdbcTx tx) throws SQLException {
        if (tx.dialect() == Dialect.POSTGRES) {
            try (Statement st = tx.connection().createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + FEED_LOCK_KEY + ")");
            }
        }
    }

    private static void appendEvent(JdbcTx tx, Transition t) throws SQLException {
        PreparedStatement ps = tx.statement(EVENT); // kept prepared (JdbcTx#statement): never closed here
        ps.setString(1, t.eventKind().name());
        ps.setString(2, t.reason());
        ps.setLong(3, t.at().toEpochMilli());
        ps.setString(4, t.list());
        ps.setString(5, t.source());
        ps.executeUpdate();
    }

    @Override
    public List<BlocklistEntry> entries(Tx tx, String source) {
        String sql = "SELECT list, source, source_type, state, reporters FROM blocklist_entry WHERE source = ? "
                + "ORDER BY list";
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setString(1, source);
            List<BlocklistEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BlocklistEntry(rs.getString(1), rs.getString(2), SourceType.valueOf(rs.getString(3)),
                            EntryState.valueOf(rs.getString(4)), reporters(JdbcTx.of(tx), rs, 5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read blocklist entries: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachListed(Tx tx, String list, Consumer<ListedEntry> sink) {
        String sql = "SELECT list, source, source_type, reporters, listed_at FROM blocklist_entry "
                + "WHERE list = ? AND state = 'LISTED' ORDER BY source";
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setFetchSize(1_000);
            ps.setString(1, list);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new ListedEntry(rs.getString(1), rs.getString(2),
                            SourceType.valueOf(rs.getString(3)), reporters(JdbcTx.of(tx), rs, 4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot export blocklist " + list + ": " + e.getMessage(), e);
        }
    }

    /**
     * An entry row's reporters. On SQLite the vote index's live count, with {@code tx}'s own votes (the row has it as
     * of its creation or last change of state); never less than the row's, since the index takes a commit's votes
     * just after the commit and a reader that starts in between sees the rows first.
     */
    private int reporters(JdbcTx tx, ResultSet rs, int column) throws SQLException {
        int row = rs.getInt(column);
        return tx.dialect() == Dialect.SQLITE
                ? Math.max(row, sqliteVotes.reporters(tx, rs.getString(1), rs.getString(2))) : row;
    }

    @Override
    public List<BlocklistEvent> changes(Tx tx, String list, long afterSeq, int limit) {
        return events(tx, EVENT_COLUMNS + "WHERE list = ? AND seq > ? ORDER BY seq LIMIT ?", list, afterSeq, limit);
    }

    /** Events of every list after {@code afterSeq}, for relays. */
    List<BlocklistEvent> changesOfAllLists(Tx tx, long afterSeq, int limit) {
        return events(tx, EVENT_COLUMNS + "WHERE seq > ? ORDER BY seq LIMIT ?", null, afterSeq, limit);
    }

    private static List<BlocklistEvent> events(Tx tx, String sql, String list, long afterSeq, int limit) {
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            int i = 1;
            if (list != null) {
                ps.setString(i++, list);
            }
            ps.setLong(i++, afterSeq);
            ps.setInt(i, limit);
            List<BlocklistEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BlocklistEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                            SourceType.valueOf(rs.getString(4)), BlocklistEvent.Kind.valueOf(rs.getString(5)),
                            rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read the blocklist feed: " + e.getMessage(), e);
        }
    }

    @Override
    public void audit(Tx tx, AuditRecord r) {
        String sql = "INSERT INTO blocklist_audit (at, actor, action, list, source, reason) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setLong(1, r.at().toEpochMilli());
            ps.setString(2, r.actor());
            ps.setString(3, r.action().name());
            ps.setString(4, r.list());
            ps.setString(5, r.source());
            ps.setString(6, r.reason());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot write the blocklist audit trail: " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditRecord> auditTrail(Tx tx, String source) {
        String sql = "SELECT at, actor, action, list, source, reason FROM blocklist_audit WHERE source = ? ORDER BY id";
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setString(1, source);
            List<AuditRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditRecord(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                            AuditRecord.Action.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read the blocklist audit trail: " + e.getMessage(), e);
        }
    }
}
