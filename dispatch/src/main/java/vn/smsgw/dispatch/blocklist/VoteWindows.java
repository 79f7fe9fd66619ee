package vn.smsgw.dispatch.blocklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.parser.report.Command;

/**
 * Step 6 of recording votes ({@link JdbcVotes}): each counted vote on a candidate entry gets the number of votes for
 * its (list, source, command) within the command's window as of that vote. One count per key, from the vote index on
 * SQLite or one query through the primary-key prefix on PostgreSQL; then each vote gets the count less the counted
 * votes after it in the batch. Stateless.
 */
final class VoteWindows {
    private static final String WINDOWS = "SELECT q.list, q.source, q.command, (SELECT COUNT(*) FROM blocklist_vote v "
            + "WHERE v.list = q.list AND v.source = q.source AND v.command = q.command AND v.voted_at >= q.since) "
            + "FROM q";

    private VoteWindows() {
    }

    /** Each vote's window count, 0 for a vote that did not count or whose entry is not a candidate. */
    static int[] of(JdbcTx tx, SqliteVoteIndex sqliteVotes, List<Vote> votes, Map<Command, Instant> windowStart,
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

    private record WindowKey(String list, String source, Command command) {
        static WindowKey of(Vote v) {
            return new WindowKey(v.list(), v.source().value(), v.command());
        }
    }
}
