package vn.smsgw.dispatch.blocklist;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smsgw.dispatch.store.CommitStage;
import vn.smsgw.dispatch.store.CompactKey;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.parser.report.Command;

/**
 * The vote keys of a SQLite store, held in memory so that recording a vote only appends rows.
 *
 * <p>On PostgreSQL the vote and reporter keys are primary keys, and the database answers whether a vote is new. On
 * SQLite those keys, drawn from keyed hashes, would land on random index pages: every vote would dirty pages all
 * over two indexes, and a group commit's cost is the pages it writes. SQLite has one writer, this process, so the
 * keys live here instead — each (list, source, command, reporter)'s last counted vote time and each (list, source)'s
 * reporters — loaded at their first use (a vote, a lookup, an export or a change of state) from
 * {@code blocklist_vote}, an append-only log on SQLite (a refreshed vote is a
 * new row; the latest row of a key wins at load). A reporter is new to an entry only with a counted vote, which
 * appends its row, so the reporters of an entry are those of its vote rows; they are not written a second time
 * ({@code blocklist_reporter} keeps the rows of stores written before, and is read at load as well).
 *
 * <p>The reporters of an entry are also its live count: {@code blocklist_entry.reporters} is written when the entry is
 * created and when its state changes, not at every vote ({@link JdbcBlocklistStore}).
 *
 * <p>A batch is worked out against the committed keys plus the batch's own changes, which are applied to the index
 * only once its transaction has committed, so a rolled-back batch leaves nothing behind ({@link CommitStage}).
 * Memory: one map entry per (list, source, command, reporter) and per (list, source, reporter) ever recorded, the
 * reporter hash held as a {@link CompactKey}.
 * Thread-safe.
 */
final class SqliteVoteIndex {
    private static final String APPEND_VOTES = "INSERT INTO blocklist_vote (list, source, command, reporter_hash, "
            + "voted_at) ";

    /** list, source, command → reporter → time of its last counted vote (epoch ms). */
    private final Map<String, Map<Object, Long>> votes = new HashMap<>();
    /** list, source → reporters ever counted on it. */
    private final Map<String, Set<Object>> reporters = new HashMap<>();
    private boolean loaded;

    /** The changes of the batch whose transaction is open, keyed like the maps above. */
    private record Staged(Map<String, Map<Object, Long>> votes, Map<String, Set<Object>> reporters) {
    }

    private final CommitStage<Staged> stage = new CommitStage<>(this,
            () -> new Staged(new HashMap<>(), new HashMap<>()), this::apply);

    /** Decides which votes count and which reporters are new, appends their rows, and stages the keys. */
    synchronized VoteKeys record(JdbcTx tx, List<Vote> batch, Map<Command, Instant> windowStart) throws SQLException {
        loadOnce(tx);
        Staged staged = stage.of(tx);
        int n = batch.size();
        boolean[] counted = new boolean[n];
        boolean[] newReporter = new boolean[n];
        MultiRow voteRows = new MultiRow(tx.dialect(), "text", "text", "text", "text", "bigint");
        for (int i = 0; i < n; i++) {
            Vote v = batch.get(i);
            String source = v.source().value();
            String voteKey = voteKey(v.list(), source, v.command());
            Object reporter = CompactKey.of(v.reporterHash());
            Long earlier = lastVote(staged, voteKey, reporter);
            if (earlier != null && earlier >= windowStart.get(v.command()).toEpochMilli()) {
                continue;
            }
            counted[i] = true;
            long at = v.at().toEpochMilli();
            staged.votes().computeIfAbsent(voteKey, k -> new HashMap<>()).put(reporter, at);
            voteRows.add(v.list(), source, v.command().name(), v.reporterHash(), at);
            String entryKey = entryKey(v.list(), source);
            if (earlier == null && !hasReporter(staged, entryKey, reporter)) {
                newReporter[i] = true;
                staged.reporters().computeIfAbsent(entryKey, k -> new HashSet<>()).add(reporter);
            }
        }
        voteRows.forEachChunk(tx, src -> APPEND_VOTES + src, PreparedStatement::executeUpdate);
        return new VoteKeys(counted, newReporter);
    }

    /**
     * The reporters of (list, source, command) whose last counted vote is at or after {@code since}, the batch that
     * {@code tx} recorded included.
     */
    synchronized int inWindow(JdbcTx tx, String list, String source, Command command, long since) {
        String key = voteKey(list, source, command);
        Staged staged = stage.ifOpen(tx);
        Map<Object, Long> batch = staged == null ? Map.of() : staged.votes().getOrDefault(key, Map.of());
        int count = 0;
        for (Map.Entry<Object, Long> e : votes.getOrDefault(key, Map.of()).entrySet()) {
            if (e.getValue() >= since && !batch.containsKey(e.getKey())) {
                count++;
            }
        }
        for (long at : batch.values()) {
            if (at >= since) {
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
        Set<Object> batch = staged == null ? Set.of() : staged.reporters().getOrDefault(key, Set.of());
        return reporters.getOrDefault(key, Set.of()).size() + batch.size(); // staged reporters are new ones only
    }

    private void apply(Staged staged) {
        staged.votes().forEach((k, m) -> votes.computeIfAbsent(k, x -> new HashMap<>()).putAll(m));
        staged.reporters().forEach((k, r) -> reporters.computeIfAbsent(k, x -> new HashSet<>()).addAll(r));
    }

    private Long lastVote(Staged staged, String voteKey, Object reporter) {
        Map<Object, Long> batch = staged.votes().get(voteKey);
        Long at = batch == null ? null : batch.get(reporter);
        if (at != null) {
            return at;
        }
        Map<Object, Long> committed = votes.get(voteKey);
        return committed == null ? null : committed.get(reporter);
    }

    private boolean hasReporter(Staged staged, String entryKey, Object reporter) {
        Set<Object> batch = staged.reporters().get(entryKey);
        if (batch != null && batch.contains(reporter)) {
            return true;
        }
        Set<Object> committed = reporters.get(entryKey);
        return committed != null && committed.contains(reporter);
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
                String key = voteKey(rs.getString(1), rs.getString(2), Command.valueOf(rs.getString(3)));
                Object reporter = CompactKey.of(rs.getString(4));
                votes.computeIfAbsent(key, k -> new HashMap<>()).merge(reporter, rs.getLong(5), Math::max);
                reporters.computeIfAbsent(entryKey(rs.getString(1), rs.getString(2)), k -> new HashSet<>())
                        .add(reporter);
            }
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT list, source, reporter_hash FROM blocklist_reporter");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reporters.computeIfAbsent(entryKey(rs.getString(1), rs.getString(2)), k -> new HashSet<>())
                        .add(CompactKey.of(rs.getString(3)));
            }
        }
    }

    private static String entryKey(String list, String source) {
        return list + '\u0000' + source;
    }

    private static String voteKey(String list, String source, Command command) {
        return list + '\u0000' + source + '\u0000' + command.name();
    }
}
