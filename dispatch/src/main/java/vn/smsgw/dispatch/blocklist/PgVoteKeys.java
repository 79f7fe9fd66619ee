package vn.smsgw.dispatch.blocklist;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.parser.report.Command;

/**
 * Steps 1-3 of recording votes on PostgreSQL ({@link JdbcVotes}): which votes count and which reporters are new to
 * their entry, from the primary keys of {@code blocklist_vote} and {@code blocklist_reporter}. Stateless.
 */
final class PgVoteKeys {
    private static final String NEW_VOTES = "INSERT INTO blocklist_vote (list, source, command, reporter_hash, "
            + "voted_at) ";
    private static final String NEW_VOTES_END = " ON CONFLICT (list, source, command, reporter_hash) DO NOTHING "
            + "RETURNING list, source, command, reporter_hash";
    private static final String REFRESH_VOTE = "UPDATE blocklist_vote SET voted_at = ? WHERE list = ? AND source = ? "
            + "AND command = ? AND reporter_hash = ? AND voted_at < ?";
    private static final String NEW_REPORTERS = "INSERT INTO blocklist_reporter (list, source, reporter_hash) ";
    private static final String NEW_REPORTERS_END = " ON CONFLICT (list, source, reporter_hash) DO NOTHING "
            + "RETURNING list, source, reporter_hash";

    private PgVoteKeys() {
    }

    /** What the keys decide for {@code votes}, in their order. */
    static VoteKeys of(JdbcTx c, List<Vote> votes, Map<Command, Instant> windowStart)
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
}
