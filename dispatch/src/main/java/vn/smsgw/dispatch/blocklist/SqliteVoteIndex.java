package vn.smsgw.dispatch.blocklist;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.smsgw.dispatch.store.CommitStage;
import vn.smsgw.dispatch.store.CompactKey.Bits;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.parser.report.Command;

/**
 * The vote keys of a SQLite store, held in memory so that recording a vote only appends rows.
 *
 * <p>On PostgreSQL the vote and reporter keys are primary keys, and the database answers whether a vote is new. On
 * SQLite those keys, drawn from keyed hashes, would land on random index pages: every vote would dirty pages all
 * over two indexes, and a group commit's cost is the pages it writes. SQLite has one writer, this process, so the
 * keys live here instead: for each (list, source), the reporters ever counted on it and, per reporter, the time of
 * its last counted vote of each command. They are loaded at their first use (a vote, a lookup, an export or a change
 * of state) from {@code blocklist_vote}, an append-only log on SQLite (a refreshed vote is a new row; the latest row
 * of a key wins at load). A reporter is new to an entry only with a counted vote, which appends its row, so the
 * reporters of an entry are those of its vote rows; they are not written a second time ({@code blocklist_reporter}
 * keeps the rows of stores written before, and is read at load as well).
 *
 * <p>The reporters of an entry are also its live count: {@code blocklist_entry.reporters} is written when the entry is
 * created and when its state changes, not at every vote ({@link JdbcBlocklistStore}).
 *
 * <p>One record per (entry, reporter) answers both questions a vote asks (is this reporter's vote of this command in
 * its window, and is the reporter new to the entry) with one lookup of the entry and one of the reporter. With the
 * votes and the reporters in two maps, each keyed by its own string, the index's work outside SQL was 12.9 % of the
 * intake writer's CPU samples in an async-profiler profile of smsgw bench intake; with one, 6.7 %.
 *
 * <p>A batch is worked out against the committed keys plus the batch's own changes, which are applied to the index
 * only once its transaction has committed, so a rolled-back batch leaves nothing behind ({@link CommitStage}).
 * Memory: the committed keys are held in primitive arrays, 56 to 112 bytes for each (list, source, reporter) ever
 * counted and no object ({@link CommittedVotes}), up to {@link CommittedVotes#MAX_RECORDS} of them (2^27); a batch
 * that could go beyond is refused as a storage failure.
 * Thread-safe.
 */
final class SqliteVoteIndex {
    private static final String APPEND_VOTES = "INSERT INTO blocklist_vote (list, source, command, reporter_hash, "
            + "voted_at) ";
    private static final Command[] COMMANDS = Command.values();
    private static final long NONE = CommittedVotes.NONE;

    private final CommittedVotes committed = new CommittedVotes(COMMANDS.length);
    private boolean loaded;

    /**
     * The changes of the batch whose transaction is open: the reporters it votes for, each with all its vote times
     * (the committed ones, changed by the batch), and per entry how many of them are new to it.
     */
    private record Staged(Map<String, Map<Bits, long[]>> entries, Map<String, int[]> newReporters) {
    }

    private final CommitStage<Staged> stage = new CommitStage<>(this,
            () -> new Staged(new HashMap<>(), new HashMap<>()), this::apply);

    /** Decides which votes count and which reporters are new, appends their rows, and stages the keys. */
    synchronized VoteKeys record(JdbcTx tx, List<Vote> batch, Map<Command, Instant> windowStart) throws SQLException {
        loadOnce(tx);
        int n = batch.size();
        Staged open = stage.ifOpen(tx);
        long inStage = open == null ? 0 : open.entries().values().stream().mapToInt(Map::size).sum();
        if (committed.records() + inStage + n > CommittedVotes.MAX_RECORDS) {
            // refused before the commit, which rolls back: a record applied after it could no longer be held
            throw new StorageException("the embedded store holds " + committed.records() + " blocklist vote keys, "
                    + "and this group could take it past its limit of " + CommittedVotes.MAX_RECORDS
                    + "; use PostgreSQL");
        }
        Staged staged = stage.of(tx);
        boolean[] counted = new boolean[n];
        boolean[] newReporter = new boolean[n];
        MultiRow voteRows = new MultiRow(tx.dialect(), "text", "text", "text", "text", "bigint");
        for (int i = 0; i < n; i++) {
            Vote v = batch.get(i);
            String source = v.source().value();
            String entryKey = entryKey(v.list(), source);
            Bits reporter = CommittedVotes.key(v.reporterHash());
            Map<Bits, long[]> stagedEntry = staged.entries().get(entryKey);
            long[] times = stagedEntry == null ? null : stagedEntry.get(reporter);
            boolean inBatch = times != null;
            int record = inBatch ? -1 : committed.find(committed.entry(entryKey), reporter);
            int command = v.command().ordinal();
            long earlier = inBatch ? times[command] : record < 0 ? NONE : committed.time(record, command);
            if (earlier != NONE && earlier >= windowStart.get(v.command()).toEpochMilli()) {
                continue;
            }
            counted[i] = true;
            long at = v.at().toEpochMilli();
            voteRows.add(v.list(), source, v.command().name(), v.reporterHash(), at);
            if (!inBatch && record < 0) {
                newReporter[i] = true;
                staged.newReporters().computeIfAbsent(entryKey, k -> new int[1])[0]++;
            }
            if (!inBatch) {
                times = noVotes();
                for (int c = 0; record >= 0 && c < times.length; c++) {
                    times[c] = committed.time(record, c);
                }
                if (stagedEntry == null) {
                    stagedEntry = new HashMap<>();
                    staged.entries().put(entryKey, stagedEntry);
                }
                stagedEntry.put(reporter, times);
            }
            times[command] = at;
        }
        voteRows.forEachChunk(tx, src -> APPEND_VOTES + src, PreparedStatement::executeUpdate);
        return new VoteKeys(counted, newReporter);
    }

    /**
     * The reporters of (list, source, command) whose last counted vote is at or after {@code since}, the batch that
     * {@code tx} recorded included.
     */
    synchronized int inWindow(JdbcTx tx, String list, String source, Command command, long since) {
        String key = entryKey(list, source);
        int c = command.ordinal();
        Staged staged = stage.ifOpen(tx);
        Map<Bits, long[]> batch = staged == null ? Map.of() : staged.entries().getOrDefault(key, Map.of());
        int count = 0;
        for (int r = committed.last(committed.entry(key)); r >= 0; r = committed.previous(r)) {
            if (committed.time(r, c) >= since && (batch.isEmpty() || !batch.containsKey(committed.keyOf(r)))) {
                count++;
            }
        }
        for (long[] times : batch.values()) {
            if (times[c] >= since) {
                count++;
            }
        }
        return count;
    }

    /**
     * The reporters ever counted on (list, source), the batch that {@code tx} recorded included: the live count of an
     * entry, which its row holds only as of its last change of state. Loads the index (through {@code tx}) at its
     * first use, whichever thread that is.
     */
    synchronized int reporters(JdbcTx tx, String list, String source) throws SQLException {
        loadOnce(tx);
        String key = entryKey(list, source);
        Staged staged = stage.ifOpen(tx);
        int[] batch = staged == null ? null : staged.newReporters().get(key);
        return committed.reporters(committed.entry(key)) + (batch == null ? 0 : batch[0]);
    }

    private void apply(Staged staged) {
        staged.entries().forEach((key, batch) -> batch.forEach((reporter, times) ->
                committed.merge(key, reporter, times)));
    }

    private static long[] noVotes() {
        long[] times = new long[COMMANDS.length];
        Arrays.fill(times, NONE);
        return times;
    }

    private void loadOnce(JdbcTx tx) throws SQLException {
        if (!loaded) {
            load(tx);
            loaded = true;
        }
    }

    private void load(JdbcTx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT list, source, command, reporter_hash, voted_at FROM blocklist_vote");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long[] times = noVotes();
                times[Command.valueOf(rs.getString(3)).ordinal()] = rs.getLong(5);
                committed.merge(entryKey(rs.getString(1), rs.getString(2)), CommittedVotes.key(rs.getString(4)), times);
            }
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT list, source, reporter_hash FROM blocklist_reporter");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                committed.merge(entryKey(rs.getString(1), rs.getString(2)), CommittedVotes.key(rs.getString(3)),
                        noVotes());
            }
        }
    }

    private static String entryKey(String list, String source) {
        return list + '\u0000' + source;
    }
}
