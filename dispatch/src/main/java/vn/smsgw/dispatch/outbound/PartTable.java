package vn.smsgw.dispatch.outbound;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.parser.number.Msisdn;

/*
 * The SQL on outbound_part, outbound_key and outbound_early_receipt, inside one open transaction of
 * JdbcOutboundQueue. A message's state follows from its parts: the first part that failed for good decides a failure,
 * and DELIVERED needs outbound.parts delivered parts (an UNKNOWN message counts one part more than it has ids for,
 * so only a failure can settle it by receipt, until a late submit_sm_resp records that part's id).
 *
 * A receipt finds its part by key: the part's own id first (exact), else another reading of an id (its hex or decimal
 * value), which is a guess: SMSC counters make every all-digit id also a reading of some other id, so an old message
 * whose id was "10000" owns key "65536". A receipt for the id 65536 that overtakes the settlement of its own message
 * would take that old message, and the settlement then would find nothing parked. So a converted key finds only a part
 * still waiting for its receipt (SUBMITTED), and, when the receipt names its subscriber, only one sent to that
 * subscriber; anything else is parked, and the settlement of the message whose id it is applies it.
 */
final class PartTable {
    /** How long a receipt that matched nothing waits for its submission to be recorded. */
    static final Duration EARLY_RECEIPT_TTL = Duration.ofMinutes(10);

    /** PostgreSQL advisory lock class for receipt keys (the two-int key space, apart from the migration lock). */
    private static final int KEY_LOCK_CLASS = 0x0b0d;

    /** The key rows with their part and message, for a condition that follows. */
    private static final String CANDIDATES = "FROM outbound_key e JOIN outbound_part p ON p.outbound_id = "
            + "e.outbound_id AND p.part = e.part JOIN outbound o ON o.id = e.outbound_id WHERE ";
    /** A key row a receipt may take: its part's own id, or another reading of it while the part waits. */
    private static final String MAY_TAKE = "(e.exact = 1 OR p.state = 'SUBMITTED')";
    /**
     * The same for a key row alone, its part and its message each looked up by primary key, so that the plan starts
     * from the key's index whatever the statistics: joined, PostgreSQL (on statistics of a nearly empty table) read
     * whole tables for every key, and the receipts of `bench inbound --store postgres` fell behind the replies.
     */
    private static final String KEY_ROW = "e.outbound_id, e.part, e.exact, (SELECT o.destination FROM outbound o "
            + "WHERE o.id = e.outbound_id) FROM outbound_key e WHERE ";
    // a scalar subquery, not EXISTS: under the OR, PostgreSQL made an EXISTS a hashed subplan, a walk over every
    // SUBMITTED part (all the messages waiting for their receipts) in each statement
    private static final String MAY_TAKE_BY_KEY = "(e.exact = 1 OR (SELECT p.state FROM outbound_part p "
            + "WHERE p.outbound_id = e.outbound_id AND p.part = e.part) = 'SUBMITTED')";

    /** One part of one message. */
    record PartRef(long outboundId, int part) {
    }

    /** A message's state and part count, as read with its row locked. */
    record Message(String state, int parts) {
    }

    /** A final receipt state for one part. */
    record PartReceipt(PartRef part, OutboundState state, String error) {
    }

    /** The part a receipt key found: by its own id ({@code exact}) or another reading of it; for whom it was sent. */
    private record Candidate(PartRef part, boolean exact, String destination) {
    }

    /** A receipt kept under a key that matched no part when it came. */
    private record Parked(String state, String error) {
    }

    private final JdbcTx tx;
    private final Dialect dialect;
    private final long now;
    private Boolean parked;
    /** Keys whose parked receipts were read in one statement ({@link #readParked}), and what is parked under them. */
    private Set<String> keysRead = Set.of();
    private final Map<String, Parked> parkedRead = new HashMap<>();
    /** Parts of the keys {@link #readParts} read, null for a key of no part; null before it ran. */
    private Map<String, Candidate> partsRead;
    private boolean pruned;

    /** Parts and receipts written in {@code tx}, at {@code now}. */
    PartTable(JdbcTx tx, long now) {
        this.tx = tx;
        this.dialect = tx.dialect();
        this.now = now;
    }

    /** Serialises transactions touching these keys (PostgreSQL); pass them sorted to avoid deadlocks. */
    void lockKeys(Collection<String> sortedKeys) throws SQLException {
        if (dialect != Dialect.POSTGRES || sortedKeys.isEmpty()) {
            return;
        }
        // one statement for all keys, each locked in the order given (unnest yields the array in order): one round
        // trip instead of one per key, so the transaction holds its first locks that much less long
        MultiRow keys = new MultiRow(dialect, "integer");
        for (String key : sortedKeys) {
            keys.add(key.hashCode());
        }
        keys.forEachChunk(tx, src -> "SELECT pg_advisory_xact_lock(" + KEY_LOCK_CLASS + ", k) FROM (" + src
                + ") AS u(k)", ps -> ps.executeQuery().close());
    }

    void insert(long id, List<PartId> parts) throws SQLException {
        insert(Map.of(id, parts));
    }

    private void insertRows(long id, List<PartId> parts) throws SQLException {
        if (parts.isEmpty()) {
            return;
        }
        PreparedStatement part = tx.statement("INSERT INTO outbound_part (outbound_id, part, "
                + "smsc_message_id, state, updated_at) VALUES (?, ?, ?, 'SUBMITTED', ?) ON CONFLICT DO NOTHING");
        PreparedStatement key = tx.statement("INSERT INTO outbound_key (match_key, outbound_id, part, "
                + "exact) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
        for (PartId p : parts) {
            part.setLong(1, id);
            part.setInt(2, p.part());
            part.setString(3, p.messageId());
            part.setLong(4, now);
            part.addBatch();
            for (int i = 0; i < p.matchKeys().size(); i++) {
                key.setString(1, p.matchKeys().get(i));
                key.setLong(2, id);
                key.setInt(3, p.part());
                key.setInt(4, i == 0 ? 1 : 0);
                key.addBatch();
            }
        }
        part.executeBatch();
        key.executeBatch();
    }

    /**
     * Writes the accepted parts of these messages and their receipt keys: on PostgreSQL each table in one statement;
     * on SQLite, which has no round trips to save, one prepared row statement each (see JdbcOutboundQueue's
     * settlements: batching there measured lower on SQLite).
     */
    void insert(Map<Long, List<PartId>> partsByMessage) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            for (Map.Entry<Long, List<PartId>> message : partsByMessage.entrySet()) {
                insertRows(message.getKey(), message.getValue());
            }
            return;
        }
        MultiRow partRows = new MultiRow(dialect, "bigint", "integer", "text", "text", "bigint");
        MultiRow keyRows = new MultiRow(dialect, "text", "bigint", "integer", "integer");
        partsByMessage.forEach((id, parts) -> {
            for (PartId p : parts) {
                partRows.add(id, p.part(), p.messageId(), OutboundState.SUBMITTED.name(), now);
                for (int i = 0; i < p.matchKeys().size(); i++) {
                    keyRows.add(p.matchKeys().get(i), id, p.part(), i == 0 ? 1 : 0);
                }
            }
        });
        partRows.forEachChunk(tx, src -> "INSERT INTO outbound_part (outbound_id, part, smsc_message_id, state, "
                + "updated_at) " + src + " ON CONFLICT DO NOTHING", PreparedStatement::executeUpdate);
        keyRows.forEachChunk(tx, src -> "INSERT INTO outbound_key (match_key, outbound_id, part, exact) " + src
                + " ON CONFLICT DO NOTHING", PreparedStatement::executeUpdate);
    }

    /**
     * The part a receipt under {@code key} for {@code subscriber} ("" when the receipt does not say) belongs to: a
     * part whose own id the key is, of the most recent message; else, of the parts of which the key is another
     * reading of the id and that still wait for their receipt (SUBMITTED), that of the most recent message, if it was
     * sent to the subscriber. Empty when none: the receipt is to be parked.
     */
    Optional<PartRef> find(String key, String subscriber) throws SQLException {
        Candidate found;
        if (partsRead != null && partsRead.containsKey(key)) {
            found = partsRead.get(key);
        } else {
            PreparedStatement ps = tx.statement("SELECT " + KEY_ROW + "e.match_key = ? AND " + MAY_TAKE_BY_KEY
                    + " ORDER BY e.exact DESC, e.outbound_id DESC LIMIT 1");
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                found = rs.next() ? new Candidate(new PartRef(rs.getLong(1), rs.getInt(2)), rs.getInt(3) == 1,
                        rs.getString(4)) : null;
            }
        }
        if (found == null || !found.exact() && !mayBeFor(subscriber, found.destination())) {
            return Optional.empty();
        }
        return Optional.of(found.part());
    }

    /**
     * Whether a receipt naming {@code subscriber} may be for a message sent to {@code destination}: the same number
     * however either is written ({@code 0912345678}, {@code 84912345678}, {@code +84…}); true when the receipt names
     * no subscriber ("") or nothing that reads as a number.
     */
    static boolean mayBeFor(String subscriber, String destination) {
        Optional<Msisdn> named = subscriber.isEmpty() ? Optional.empty() : Msisdn.parse(subscriber);
        return named.isEmpty()
                || named.get().digits().equals(Msisdn.parse(destination).map(Msisdn::digits).orElse(destination));
    }


    /**
     * Reads the parts of these receipt keys in one statement, for {@link #find} (a key of no part then finds nothing
     * without a statement of its own), and returns the messages they belong to. A batch of receipts looks its keys up
     * at once instead of one statement each (on PostgreSQL a round trip each, taken while holding the keys' locks).
     */
    Set<Long> readParts(Collection<String> keys) throws SQLException {
        Map<String, Candidate> best = new HashMap<>();
        MultiRow rows = new MultiRow(dialect, "text").replanned().repeatable();
        keys.forEach(rows::add);
        rows.forEachChunk(tx, src -> readPartsSql(dialect, src), ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Candidate c = new Candidate(new PartRef(rs.getLong(2), rs.getInt(3)), rs.getInt(4) == 1,
                                    rs.getString(5));
                            best.merge(rs.getString(1), c, PartTable::preferred);
                        }
                    }
                });
        partsRead = new HashMap<>();
        Set<Long> messages = new TreeSet<>();
        for (String key : keys) {
            Candidate c = best.get(key);
            partsRead.put(key, c);
            if (c != null) {
                messages.add(c.part().outboundId());
            }
        }
        return messages;
    }

    /**
     * The parts of the keys of a row source of one column, for {@link #readParts}: each key's part as {@link #find}
     * would take it. On PostgreSQL each key is looked up through the primary key (a lateral subquery with a limit), so
     * the plan does not depend on the table's statistics: with a join, PostgreSQL (on statistics taken while the
     * table held a few thousand keys) read the whole table for every batch of receipts, 15 ms a batch and growing.
     */
    static String readPartsSql(Dialect dialect, String rowSource) {
        if (dialect == Dialect.POSTGRES) {
            return "WITH q (k) AS (" + rowSource + ") SELECT q.k, c.* FROM q CROSS JOIN LATERAL (SELECT " + KEY_ROW
                    + "e.match_key = q.k AND " + MAY_TAKE_BY_KEY + " ORDER BY e.exact DESC, e.outbound_id DESC LIMIT 1) c";
        }
        return "WITH q (k) AS (" + rowSource + ") SELECT e.match_key, e.outbound_id, e.part, e.exact, o.destination "
                + "FROM q CROSS JOIN outbound_key e ON e.match_key = q.k JOIN outbound_part p ON p.outbound_id = "
                + "e.outbound_id AND p.part = e.part JOIN outbound o ON o.id = e.outbound_id WHERE " + MAY_TAKE;
    }

    /** Of two parts under one key, the one {@link #find} takes: an exact match first, then the most recent message. */
    private static Candidate preferred(Candidate a, Candidate b) {
        if (a.exact() != b.exact()) {
            return a.exact() ? a : b;
        }
        return a.part().outboundId() >= b.part().outboundId() ? a : b;
    }

    /**
     * Gives a final receipt state to a part still SUBMITTED; anything else is left as it is. Returns whether the part
     * took the state.
     */
    boolean apply(PartRef ref, OutboundState state, String error) throws SQLException {
        if (state == OutboundState.SUBMITTED) {
            return false;
        }
        PreparedStatement ps = tx.statement("UPDATE outbound_part SET state = ?, error = ?, "
                + "updated_at = ? WHERE outbound_id = ? AND part = ? AND state = 'SUBMITTED'");
        ps.setString(1, state.name());
        ps.setString(2, error);
        ps.setLong(3, now);
        ps.setLong(4, ref.outboundId());
        ps.setInt(5, ref.part());
        return ps.executeUpdate() == 1;
    }

    /**
     * Settles a SUBMITTED message of one part, whose part has just taken {@code partState}, the way
     * {@link #settleMessage} would, in one statement instead of a read of the message and its parts and a write.
     * Returns false, having changed nothing, for any other message or state: settle those with settleMessage.
     */
    boolean settleOnePart(long id, OutboundState partState, String error) throws SQLException {
        if (!endsMessage(partState)) {
            return false;
        }
        PreparedStatement ps = tx.statement("UPDATE outbound SET state = ?, error = ?, updated_at = ? "
                + "WHERE id = ? AND parts = 1 AND state = 'SUBMITTED'");
        ps.setString(1, partState.name());
        ps.setString(2, messageError(partState, error));
        ps.setLong(3, now);
        ps.setLong(4, id);
        return ps.executeUpdate() == 1;
    }

    /**
     * {@link #apply} and {@link #settleOnePart} for receipts of distinct messages, each with a final state, in two
     * statements (PostgreSQL): the parts still SUBMITTED take their states, then the one-part SUBMITTED messages among
     * them. {@code locked} holds the messages as read with their rows locked in this transaction, so the second
     * statement picks its rows by id alone: with the state in its condition, PostgreSQL (on statistics taken while
     * the table was nearly empty) walked every SUBMITTED message once per receipt, 0.6–1.2 s a statement at a few
     * thousand messages waiting for their receipts. Returns, in the order given, the messages that those two did not
     * settle: give each to {@link #settleMessage}, as the receipts one by one would.
     */
    List<Long> applyAll(List<PartReceipt> receipts, Map<Long, Message> locked) throws SQLException {
        if (receipts.isEmpty()) {
            return List.of();
        }
        MultiRow partRows = new MultiRow(dialect, "bigint", "integer", "text", "text", "bigint");
        receipts.forEach(r -> partRows.add(r.part().outboundId(), r.part().part(), r.state().name(), r.error(), now));
        Set<Long> changed = new HashSet<>();
        partRows.forEachChunk(tx, src -> "WITH v (id, part, state, error, at) AS (" + src + ") UPDATE outbound_part "
                + "SET state = v.state, error = v.error, updated_at = v.at FROM v WHERE outbound_part.outbound_id = v.id "
                + "AND outbound_part.part = v.part AND outbound_part.state = 'SUBMITTED' "
                + "RETURNING outbound_part.outbound_id", ps -> collectIds(ps, changed));
        MultiRow messageRows = new MultiRow(dialect, "bigint", "text", "text", "bigint");
        for (PartReceipt r : receipts) {
            OutboundState state = r.state();
            Message message = locked.get(r.part().outboundId());
            if (changed.contains(r.part().outboundId()) && message != null && message.parts() == 1
                    && message.state().equals(OutboundState.SUBMITTED.name()) && endsMessage(state)) {
                messageRows.add(r.part().outboundId(), state.name(), messageError(state, r.error()), now);
            }
        }
        Set<Long> settled = new HashSet<>();
        messageRows.forEachChunk(tx, PartTable::settleMessagesSql, ps -> collectIds(ps, settled));
        List<Long> left = new ArrayList<>();
        for (PartReceipt r : receipts) {
            if (!settled.contains(r.part().outboundId())) {
                left.add(r.part().outboundId());
            }
        }
        return left;
    }

    /** The messages of {@link #applyAll} that its receipts settle, by id alone, around a row source of 4 columns. */
    static String settleMessagesSql(String rowSource) {
        return "WITH v (id, state, error, at) AS (" + rowSource + ") UPDATE outbound SET state = v.state, "
                + "error = v.error, updated_at = v.at FROM v WHERE outbound.id = v.id RETURNING outbound.id";
    }

    private static void collectIds(PreparedStatement ps, Set<Long> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getLong(1));
            }
        }
    }

    /** Whether a one-part message takes this state of its part ({@link #settleOnePart}). */
    private static boolean endsMessage(OutboundState partState) {
        return partState == OutboundState.DELIVERED || partState.isDeliveryFailure();
    }

    /** The error a one-part message ended by its part's receipt records: none when delivered. */
    private static String messageError(OutboundState partState, String error) {
        return partState == OutboundState.DELIVERED ? null : failureError(partState, error);
    }

    private static String failureError(OutboundState state, String error) {
        return error == null || error.isEmpty() ? state.name() : error;
    }

    /**
     * Keeps a receipt that matched nothing (a final one replaces an intermediate one) and, the first time in the
     * transaction, drops the ones kept longer than {@link #EARLY_RECEIPT_TTL}.
     */
    void park(ReceiptUpdate receipt) throws SQLException {
        PreparedStatement keep = tx.statement("INSERT INTO outbound_early_receipt (match_key, state, "
                + "error, received_at, subscriber, sender) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (match_key) DO "
                + "UPDATE SET state = excluded.state, error = excluded.error, received_at = excluded.received_at "
                + "WHERE outbound_early_receipt.state = 'SUBMITTED' OR excluded.state <> 'SUBMITTED'");
        keep.setString(1, receipt.matchKey());
        keep.setString(2, receipt.state().name());
        keep.setString(3, receipt.error());
        keep.setLong(4, receipt.at().toEpochMilli());
        keep.setString(5, receipt.subscriber());
        keep.setString(6, receipt.sender());
        keep.executeUpdate();
        parked = true;
        if (!pruned) {
            PreparedStatement drop = tx.statement("DELETE FROM outbound_early_receipt WHERE received_at < ?");
            drop.setLong(1, now - EARLY_RECEIPT_TTL.toMillis());
            drop.executeUpdate();
            pruned = true;
        }
    }

    /**
     * Reads the receipts parked under any of these keys in one statement, for {@link #applyEarly} of the parts they
     * belong to: a batch of settlements looks its keys up at once instead of one statement per key (on PostgreSQL a
     * round trip each, taken while holding the keys' locks). Reads nothing while no receipt is parked at all.
     */
    void readParked(Collection<String> keys) throws SQLException {
        if (keys.isEmpty() || !anyParked()) {
            return;
        }
        MultiRow rows = new MultiRow(dialect, "text").replanned().repeatable();
        keys.forEach(rows::add);
        long oldest = now - EARLY_RECEIPT_TTL.toMillis();
        rows.forEachChunk(tx, src -> "WITH q (k) AS (" + src + ") SELECT e.match_key, e.state, e.error, "
                + "e.received_at FROM outbound_early_receipt e JOIN q ON e.match_key = q.k", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getLong(4) >= oldest) {
                                parkedRead.put(rs.getString(1), new Parked(rs.getString(2), rs.getString(3)));
                            }
                        }
                    }
                });
        keysRead = Set.copyOf(keys);
    }

    /**
     * Applies the parked receipts of these parts (exact key first) and forgets them; returns whether any was. The
     * keys are looked up only while some receipt is parked at all (checked once per batch; parked ones are rare
     * after the first seconds of sending), from {@link #readParked} when it read them.
     */
    boolean applyEarly(long id, List<PartId> parts) throws SQLException {
        if (!anyParked()) {
            return false;
        }
        PreparedStatement forget = tx.statement("DELETE FROM outbound_early_receipt WHERE match_key = ?");
        boolean applied = false;
        for (PartId p : parts) {
            for (String key : p.matchKeys()) {
                Parked receipt = parkedUnder(key);
                if (receipt == null) {
                    continue;
                }
                apply(new PartRef(id, p.part()), OutboundState.valueOf(receipt.state()), receipt.error());
                forget.setString(1, key);
                forget.executeUpdate();
                parkedRead.remove(key);
                applied = true;
                break;
            }
        }
        return applied;
    }

    private Parked parkedUnder(String key) throws SQLException {
        if (keysRead.contains(key)) {
            return parkedRead.get(key);
        }
        PreparedStatement find = tx.statement("SELECT state, error FROM outbound_early_receipt "
                + "WHERE match_key = ? AND received_at >= ?");
        find.setString(1, key);
        find.setLong(2, now - EARLY_RECEIPT_TTL.toMillis());
        try (ResultSet rs = find.executeQuery()) {
            return rs.next() ? new Parked(rs.getString(1), rs.getString(2)) : null;
        }
    }

    private boolean anyParked() throws SQLException {
        if (parked == null) {
            try (ResultSet rs = tx.statement("SELECT 1 FROM outbound_early_receipt LIMIT 1").executeQuery()) {
                parked = rs.next();
            }
        }
        return parked;
    }

    /** Settles a SUBMITTED or UNKNOWN message from its parts' states; the message row must be locked. */
    void settleMessage(long id) throws SQLException {
        int expected = 0;
        String current = null;
        List<String[]> states = new ArrayList<>();
        PreparedStatement message = tx.statement("SELECT o.state, o.parts, p.state, p.error FROM outbound o "
                + "LEFT JOIN outbound_part p ON p.outbound_id = o.id WHERE o.id = ? ORDER BY p.part");
        message.setLong(1, id);
        try (ResultSet rs = message.executeQuery()) {
            while (rs.next()) {
                current = rs.getString(1);
                expected = rs.getInt(2);
                String partState = rs.getString(3);
                if (partState != null) {
                    states.add(new String[] {partState, rs.getString(4)});
                }
            }
        }
        if (current == null || !current.equals("SUBMITTED") && !current.equals("UNKNOWN")) {
            return;
        }
        int delivered = 0;
        for (String[] s : states) {
            OutboundState state = OutboundState.valueOf(s[0]);
            if (state.isDeliveryFailure()) {
                setState(id, state, failureError(state, s[1]));
                return;
            }
            delivered += state == OutboundState.DELIVERED ? 1 : 0;
        }
        if (delivered == expected) {
            setState(id, OutboundState.DELIVERED, null);
        }
    }

    private void setState(long id, OutboundState state, String error) throws SQLException {
        PreparedStatement ps = tx.statement(
                "UPDATE outbound SET state = ?, error = ?, updated_at = ? WHERE id = ?");
        ps.setString(1, state.name());
        ps.setString(2, error);
        ps.setLong(3, now);
        ps.setLong(4, id);
        ps.executeUpdate();
    }
}
