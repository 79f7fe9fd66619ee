package vn.smsgw.dispatch.outbound;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;

/**
 * The outbound queue's settlements on table {@code outbound} ({@link JdbcOutboundQueue}): a message given back to the
 * queue, or ended (submitted, unknown or failed) with its parts and receipt keys, and the parts of an unknown message
 * whose response came late. Each runs in the caller's write transaction. Stateless.
 */
final class SettlementRows {

    private SettlementRows() {
    }

    /** Settles {@code settlements} (see {@link OutboundQueue#settle}); returns how many counted. */
    static int settle(JdbcTx tx, List<Settlement> settlements, long now) throws SQLException {
        TreeSet<String> keys = new TreeSet<>();
        for (Settlement s : settlements) {
            accepted(s.outcome()).forEach(p -> keys.addAll(p.matchKeys()));
        }
        PartTable parts = partsOf(tx, now, keys);
        // one outcome per claim of a message: only the first of several can find it CLAIMED, as when written one by
        // one; a stale claim's settlement beside the current claim's finds it claimed anew and changes nothing
        record Claim(long id, int claim) {
        }
        Map<Claim, Settlement> first = new LinkedHashMap<>();
        settlements.forEach(s -> first.putIfAbsent(new Claim(s.id(), s.claim()), s));
        int counted = 0;
        List<Settlement> ended = new ArrayList<>();
        for (Settlement s : first.values()) {
            if (s.outcome() instanceof SubmitOutcome.RetryLater r) {
                counted += giveBack(tx, s, r, now) ? 1 : 0;
            } else {
                ended.add(s);
            }
        }
        return counted + end(tx, parts, ended, now);
    }

    /** Records the late parts (see {@link OutboundQueue#recordLateParts}); returns how many. */
    static int recordLateParts(JdbcTx tx, List<LatePart> late, long now) throws SQLException {
        TreeSet<String> keys = new TreeSet<>();
        late.forEach(l -> keys.addAll(l.part().matchKeys()));
        PartTable parts = partsOf(tx, now, keys);
        // the message still UNKNOWN, waiting for this very part (its part count is the parts sent), and no row of
        // it yet; on PostgreSQL its row locked, as a settlement or a receipt would lock it
        PreparedStatement waiting = tx.statement("SELECT 1 FROM outbound o WHERE o.id = ? AND o.state = 'UNKNOWN' "
                + "AND o.parts = ? AND NOT EXISTS (SELECT 1 FROM outbound_part p WHERE p.outbound_id = o.id "
                + "AND p.part = ?)" + (tx.dialect() == Dialect.POSTGRES ? " FOR UPDATE OF o" : ""));
        int recorded = 0;
        for (LatePart l : late) {
            waiting.setLong(1, l.id());
            waiting.setInt(2, l.part().part());
            waiting.setInt(3, l.part().part());
            try (ResultSet rs = waiting.executeQuery()) {
                if (!rs.next()) {
                    continue;
                }
            }
            parts.insert(Map.of(l.id(), List.of(l.part())));
            if (parts.applyEarly(l.id(), List.of(l.part()))) {
                parts.settleMessage(l.id());
            }
            recorded++;
        }
        return recorded;
    }

    /** The parts of {@code tx} for new part ids under {@code keys}: the keys locked, their parked receipts read. */
    private static PartTable partsOf(JdbcTx tx, long now, TreeSet<String> keys) throws SQLException {
        PartTable parts = new PartTable(tx, now);
        parts.lockKeys(keys);
        parts.readParked(keys);
        return parts;
    }

    /** A message's new state, error, part count and first SMSC id, written if its owner still holds its claim. */
    private record Ending(long id, String state, String error, int parts, String smscMessageId, String owner,
                          int claim) {

        static Ending of(Settlement s) {
            SubmitOutcome outcome = s.outcome();
            if (outcome instanceof SubmitOutcome.Submitted sub) {
                return new Ending(s.id(), OutboundState.SUBMITTED.name(), null, sub.parts().size(),
                        sub.parts().get(0).messageId(), s.owner(), s.claim());
            } else if (outcome instanceof SubmitOutcome.Unknown u) {
                return new Ending(s.id(), OutboundState.UNKNOWN.name(), u.reason(), u.accepted().size() + 1,
                        firstId(u.accepted()), s.owner(), s.claim());
            } else if (outcome instanceof SubmitOutcome.Failed f) {
                return new Ending(s.id(), OutboundState.FAILED.name(), f.error(), f.accepted().size() + 1,
                        firstId(f.accepted()), s.owner(), s.claim());
            }
            throw new IllegalArgumentException("not an end: " + outcome);
        }
    }

    /**
     * Ends these messages (submitted, unknown or failed) that are still CLAIMED by their settling owner (the update's
     * condition, which also locks the rows on PostgreSQL), then writes their parts and receipt keys and applies the
     * receipts parked for them. Returns how many were still claimed. On PostgreSQL each step is one statement for
     * all the messages, so the batch holds its keys' locks for a few round trips instead of a few per message. SQLite
     * has no round trips to save and keeps one prepared statement per row: the same batching there measured lower
     * in both of two pairs of `bench inbound --side gateway` (the cause was not established; a multi-row statement
     * is compiled and kept per row count on SQLite, one text for every batch size).
     */
    private static int end(JdbcTx tx, PartTable parts, List<Settlement> settlements, long now) throws SQLException {
        if (settlements.isEmpty()) {
            return 0;
        }
        List<Ending> endings = settlements.stream().map(Ending::of).toList();
        Set<Long> updated = tx.dialect() == Dialect.POSTGRES ? endAll(tx, endings, now) : endEach(tx, endings, now);
        Map<Long, List<PartId>> accepted = new LinkedHashMap<>();
        for (Settlement s : settlements) {
            if (updated.contains(s.id())) {
                accepted.put(s.id(), accepted(s.outcome()));
            }
        }
        parts.insert(accepted);
        for (Settlement s : settlements) {
            boolean receiptsMayApply = !(s.outcome() instanceof SubmitOutcome.Failed);
            if (updated.contains(s.id()) && receiptsMayApply && parts.applyEarly(s.id(), accepted.get(s.id()))) {
                parts.settleMessage(s.id());
            }
        }
        return updated.size();
    }

    private static Set<Long> endAll(JdbcTx tx, List<Ending> endings, long now) throws SQLException {
        MultiRow rows = new MultiRow(tx.dialect(), "bigint", "text", "text", "integer", "text", "text", "integer",
                "bigint");
        endings.forEach(e -> rows.add(e.id(), e.state(), e.error(), e.parts(), e.smscMessageId(), e.owner(),
                e.claim(), now));
        Set<Long> updated = new HashSet<>();
        rows.forEachChunk(tx, src -> "WITH v (id, state, error, parts, mid, owner, claim, at) AS (" + src + ") "
                + "UPDATE outbound SET state = v.state, error = v.error, parts = v.parts, smsc_message_id = v.mid, "
                + "claim_owner = NULL, lease_until = NULL, updated_at = v.at FROM v WHERE outbound.id = v.id "
                + "AND outbound.state = 'CLAIMED' AND outbound.claim_owner = v.owner "
                + "AND (v.claim = 0 OR outbound.attempts = v.claim) RETURNING outbound.id", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            updated.add(rs.getLong(1));
                        }
                    }
                });
        return updated;
    }

    private static Set<Long> endEach(JdbcTx tx, List<Ending> endings, long now) throws SQLException {
        PreparedStatement ps = tx.statement("UPDATE outbound SET state = ?, error = ?, parts = ?, "
                + "smsc_message_id = ?, claim_owner = NULL, lease_until = NULL, updated_at = ? "
                + "WHERE id = ? AND state = 'CLAIMED' AND claim_owner = ? AND (? = 0 OR attempts = ?)");
        Set<Long> updated = new HashSet<>();
        for (Ending e : endings) {
            ps.setString(1, e.state());
            ps.setString(2, e.error());
            ps.setInt(3, e.parts());
            ps.setString(4, e.smscMessageId());
            ps.setLong(5, now);
            ps.setLong(6, e.id());
            ps.setString(7, e.owner());
            ps.setInt(8, e.claim());
            ps.setInt(9, e.claim());
            if (ps.executeUpdate() == 1) {
                updated.add(e.id());
            }
        }
        return updated;
    }

    /** Returns a message still CLAIMED by the settling owner, under the settled claim, to the queue; whether it was. */
    private static boolean giveBack(JdbcTx tx, Settlement s, SubmitOutcome.RetryLater r, long now)
            throws SQLException {
        PreparedStatement ps = tx.statement("UPDATE outbound SET state = 'PENDING', "
                + "claim_owner = NULL, lease_until = NULL, not_before = ?, error = ?, "
                + "attempts = attempts - ?, updated_at = ? WHERE id = ? AND state = 'CLAIMED' AND claim_owner = ? "
                + "AND (? = 0 OR attempts = ?)");
        ps.setLong(1, r.notBefore().toEpochMilli());
        ps.setString(2, r.error());
        ps.setInt(3, r.countsAsAttempt() ? 0 : 1);
        ps.setLong(4, now);
        ps.setLong(5, s.id());
        ps.setString(6, s.owner());
        ps.setInt(7, s.claim());
        ps.setInt(8, s.claim());
        return ps.executeUpdate() == 1;
    }

    private static String firstId(List<PartId> parts) {
        return parts.isEmpty() ? null : parts.get(0).messageId();
    }

    /** The accepted parts of an outcome, whose receipt keys it touches. */
    static List<PartId> accepted(SubmitOutcome outcome) {
        if (outcome instanceof SubmitOutcome.Submitted s) {
            return s.parts();
        }
        if (outcome instanceof SubmitOutcome.Unknown u) {
            return u.accepted();
        }
        return List.of();
    }
}
