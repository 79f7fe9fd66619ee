package vn.smsgw.dispatch.outbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.MultiRow;
import vn.smsgw.dispatch.store.StorageException;

/**
 * The outbound queue's drain side on table {@code outbound} (SQLite or a PostgreSQL shared by several processes).
 * Thread-safe.
 */
public final class JdbcOutboundQueue implements OutboundQueue {

    /*
     * A claim is one short UPDATE ... RETURNING over the due rows of a lane in id order; on PostgreSQL the candidates
     * are selected FOR UPDATE SKIP LOCKED, so processes claiming at once take disjoint rows without waiting. A claim
     * holds nothing open while the SMSC is called; its lease (lease_until) is what keeps other owners off, and a
     * lease that runs out (the owner died) makes the row claimable again, so a message in flight when its process
     * died may be sent twice. A settlement counts only while the row is still CLAIMED by the settling owner.
     *
     * Receipts and settlements race: the SMSC may send a receipt before the submitter has committed the part ids.
     * Both paths therefore lock the receipt keys they touch (PostgreSQL advisory transaction locks on the key's hash;
     * SQLite serialises writers anyway) before the message row, so one of them sees the other's commit: a receipt
     * that matches nothing is parked in outbound_early_receipt, and a settlement looks there for its keys.
     *
     * Combined writes (SQLite). SQLite has one writer at a time and every commit with synchronous=FULL waits for an
     * fsync, so the claims of every submitter, their settlements and the receipts would each pay one fsync and queue
     * for the write lock behind intake's group commit. Instead, every write is a shared one
     * (Database.inSharedTransaction, store.WriteCombiner): whichever thread runs a shared transaction, intake's writer
     * included, runs every piece handed in so far, each under its own savepoint: a piece that fails is rolled back
     * alone and its caller gets the error; nobody's result is returned before the commit. On PostgreSQL every call keeps its own transaction: writers run concurrently there, and combining
     * pieces that take advisory locks in their own order could deadlock with another process.
     *
     * Commit interval (SQLite). A shared transaction this queue runs itself starts no sooner than commitInterval
     * after the previous one ended, and takes everything handed in meanwhile (an intake commit in between takes the
     * queue's waiting writes along). Each commit writes every page it touched to the log in full
     * (the tails of the state index, the part and key tables, the rows), so the log grows with the number of commits
     * more than with the number of messages: an unthrottled campaign committing back to back wrote 14-49 MB of log a
     * second and, at full sync, had seconds without a single submit_sm while the syncs queued behind the checkpoint's.
     * Submitters do not wait for their settlements, and campaign claims run ahead of need, so the interval costs the
     * reply lane at most that much latency.
     */

    /**
     * How long a receipt that matched no part is kept: for its submission's settlement, and for
     * {@link #settleInDoubt} to settle a dead owner's claim by it.
     */
    public static final Duration UNMATCHED_RECEIPT_TTL = PartTable.EARLY_RECEIPT_TTL;

    static final String CLAIM_COLUMNS = "id, lane, destination, sender, body, kind, case_id, attempts, lease_until";

    /** A message within a {@link SmscScope}: for any SMSC, for the scope's, or another's queued long enough ago. */
    private static final String IN_SCOPE = "(smsc = '' OR smsc = ? OR created_at <= ?)";
    private static final String IN_SCOPE_NUMBERED = "(smsc = '' OR smsc = ?5 OR created_at <= ?6)";

    /** The predicate of the partial index outbound_ready (SQLite), verbatim, so that the count reads only it. */
    static final String DEPTH_SQL = "SELECT lane, state, COUNT(*) FROM outbound "
            + "WHERE state = 'PENDING' OR state = 'CLAIMED' GROUP BY lane, state";

    private final Database db;
    private final Clock clock;
    final String claimSql;
    final String anyDueSql;
    private final long commitIntervalNanos;

    /** Write work in a transaction. */
    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(JdbcTx tx) throws SQLException;
    }

    /** A queue on {@code db}, reading time from {@code clock}, committing combined writes back to back. */
    public JdbcOutboundQueue(Database db, Clock clock) {
        this(db, clock, Duration.ZERO);
    }

    /**
     * A queue on {@code db}, reading time from {@code clock}; on SQLite a combined write transaction starts at least
     * {@code commitInterval} after the previous one ended.
     */
    public JdbcOutboundQueue(Database db, Clock clock, Duration commitInterval) {
        if (commitInterval.isNegative()) {
            throw new IllegalArgumentException("negative commit interval: " + commitInterval);
        }
        this.commitIntervalNanos = commitInterval.toNanos();
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        boolean pg = db.dialect() == Dialect.POSTGRES;
        // SQLite: the due rows as a merge of two walks of outbound_ready in id order, which stops at the limit (with
        // one OR'ed condition it collected every pending row of the lane, the whole campaign backlog, and sorted
        // them at each claim). PostgreSQL takes no FOR UPDATE over a UNION, and plans the OR on its own. The
        // parameters are numbered: ?1 to ?3 in the SET list, then the lane, the SMSC scope (its SMSC, and the latest
        // creation time of another SMSC's message it may take), the time twice and the limit.
        String due = pg
                ? "SELECT id FROM outbound WHERE lane = ? AND " + IN_SCOPE
                        + " AND ((state = 'PENDING' AND not_before <= ?) OR "
                        + "(state = 'CLAIMED' AND lease_until <= ?)) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED"
                : "SELECT id FROM outbound WHERE state = 'PENDING' AND lane = ?4 AND " + IN_SCOPE_NUMBERED
                        + " AND not_before <= ?7 UNION ALL "
                        + "SELECT id FROM outbound WHERE state = 'CLAIMED' AND lane = ?4 AND " + IN_SCOPE_NUMBERED
                        + " AND lease_until <= ?8 ORDER BY 1 LIMIT ?9";
        this.anyDueSql = "SELECT 1 FROM outbound WHERE state = 'PENDING' AND lane = ? AND " + IN_SCOPE
                + " AND not_before <= ? UNION ALL SELECT 1 FROM outbound WHERE state = 'CLAIMED' AND lane = ? AND "
                + IN_SCOPE + " AND lease_until <= ? LIMIT 1";
        this.claimSql = "UPDATE outbound SET state = 'CLAIMED', claim_owner = ?, lease_until = ?, "
                + "attempts = attempts + 1, updated_at = ? WHERE id IN (" + due + ") RETURNING " + CLAIM_COLUMNS;
    }

    /**
     * Runs {@code work} in a write transaction: on SQLite a shared one ({@link Database#inSharedTransaction}), with
     * the other submitters' and receipts' writes and intake's group commit; on PostgreSQL its own.
     */
    private <T> T write(ConnectionWork<T> work) {
        return db.inSharedTransaction(tx -> work.run(JdbcTx.of(tx)), commitIntervalNanos);
    }

    @Override
    public List<QueuedSms> claim(Lane lane, SmscScope scope, int max, String owner, Duration lease) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(owner, "owner");
        InMemoryOutboundQueue.checkClaim(max, lease);
        long now = clock.millis();
        List<QueuedSms> claimed = write(tx -> {
            PreparedStatement ps = tx.statement(claimSql);
            ps.setString(1, owner);
            ps.setLong(2, now + lease.toMillis());
            ps.setLong(3, now);
            ps.setInt(4, lane.ordinal());
            ps.setString(5, scope.smsc());
            ps.setLong(6, scope.othersQueuedBy(now));
            ps.setLong(7, now);
            ps.setLong(8, now);
            ps.setInt(9, max);
            List<QueuedSms> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(queued(rs));
                }
            }
            return out;
        });
        claimed.sort(Comparator.comparingLong(QueuedSms::id));
        return claimed;
    }

    @Override
    public boolean anyDue(Lane lane, SmscScope scope) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(scope, "scope");
        long now = clock.millis();
        return db.read(tx -> {
            // kept prepared on the connection (SQLite): each bind's submitter asks every 20 ms and after each claim
            PreparedStatement ps = JdbcTx.of(tx).statement(anyDueSql);
            ps.setInt(1, lane.ordinal());
            ps.setString(2, scope.smsc());
            ps.setLong(3, scope.othersQueuedBy(now));
            ps.setLong(4, now);
            ps.setInt(5, lane.ordinal());
            ps.setString(6, scope.smsc());
            ps.setLong(7, scope.othersQueuedBy(now));
            ps.setLong(8, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public Set<Long> renew(Collection<Long> ids, String owner, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        InMemoryOutboundQueue.checkClaim(1, lease);
        if (ids.isEmpty()) {
            return Set.of();
        }
        long now = clock.millis();
        return write(tx -> {
            // rare (a multi-part message still being sent late in its lease), so one statement a message
            PreparedStatement ps = tx.statement("UPDATE outbound SET lease_until = ?, updated_at = ? WHERE id = ? "
                    + "AND state = 'CLAIMED' AND claim_owner = ?");
            Set<Long> renewed = new TreeSet<>();
            for (long id : new TreeSet<>(ids)) {
                ps.setLong(1, now + lease.toMillis());
                ps.setLong(2, now);
                ps.setLong(3, id);
                ps.setString(4, owner);
                if (ps.executeUpdate() == 1) {
                    renewed.add(id);
                }
            }
            return renewed;
        });
    }

    @Override
    public int settle(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        return write(tx -> {
            TreeSet<String> keys = new TreeSet<>();
            for (Settlement s : settlements) {
                accepted(s.outcome()).forEach(p -> keys.addAll(p.matchKeys()));
            }
            PartTable parts = partsOf(tx, now, keys);
            // one outcome per message: only the first of several can find it CLAIMED, as when written one by one
            Map<Long, Settlement> first = new LinkedHashMap<>();
            settlements.forEach(s -> first.putIfAbsent(s.id(), s));
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
        });
    }

    /** The parts of {@code tx} for new part ids under {@code keys}: the keys locked, their parked receipts read. */
    private static PartTable partsOf(JdbcTx tx, long now, TreeSet<String> keys) throws SQLException {
        PartTable parts = new PartTable(tx, now);
        parts.lockKeys(keys);
        parts.readParked(keys);
        return parts;
    }

    @Override
    public int recordLateParts(List<LatePart> late) {
        if (late.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        return write(tx -> {
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
        });
    }

    @Override
    public List<OptionalLong> applyReceipts(List<ReceiptUpdate> receipts) {
        if (receipts.isEmpty()) {
            return List.of();
        }
        long now = clock.millis();
        return write(tx -> {
            PartTable parts = new PartTable(tx, now);
            TreeSet<String> keys = new TreeSet<>();
            receipts.forEach(r -> keys.add(r.matchKey()));
            parts.lockKeys(keys);
            Map<Long, PartTable.Message> locked = lockRows(tx, parts.readParts(keys));
            if (tx.dialect() == Dialect.POSTGRES) {
                return applyBatched(tx, parts, receipts, locked);
            }
            List<OptionalLong> matched = new ArrayList<>(receipts.size());
            for (ReceiptUpdate receipt : receipts) {
                matched.add(apply(tx, parts, receipt));
            }
            return matched;
        });
    }

    /**
     * The receipts of a batch as {@link #apply} would apply them one by one, with fewer statements (PostgreSQL, where
     * each is a round trip taken while holding the batch's key and row locks): the final receipts of messages that
     * no other receipt of the batch touches go first, their parts in one statement and, of the one-part messages
     * among them, the messages in another; the rest (receipts that matched nothing, intermediate ones, and every
     * receipt of a message that has several in the batch) then go one by one in their order. The two groups touch
     * different messages, so the order between them changes nothing.
     */
    private static List<OptionalLong> applyBatched(JdbcTx tx, PartTable parts, List<ReceiptUpdate> receipts,
            Map<Long, PartTable.Message> locked) throws SQLException {
        int n = receipts.size();
        List<Optional<PartTable.PartRef>> matches = new ArrayList<>(n);
        Map<Long, Integer> receiptsPerMessage = new HashMap<>();
        for (ReceiptUpdate r : receipts) {
            Optional<PartTable.PartRef> match = parts.find(r.matchKey());
            matches.add(match);
            match.ifPresent(m -> receiptsPerMessage.merge(m.outboundId(), 1, Integer::sum));
        }
        List<Integer> together = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<PartTable.PartRef> match = matches.get(i);
            if (match.isPresent() && receipts.get(i).state() != OutboundState.SUBMITTED
                    && receiptsPerMessage.get(match.get().outboundId()) == 1) {
                together.add(i);
            }
        }
        List<PartTable.PartReceipt> batch = new ArrayList<>(together.size());
        for (int i : together) {
            ReceiptUpdate r = receipts.get(i);
            batch.add(new PartTable.PartReceipt(matches.get(i).orElseThrow(), r.state(), r.error()));
        }
        for (long id : parts.applyAll(batch, locked)) {
            parts.settleMessage(id);
        }
        OptionalLong[] result = new OptionalLong[n];
        together.forEach(i -> result[i] = OptionalLong.of(matches.get(i).orElseThrow().outboundId()));
        for (int i = 0; i < n; i++) {
            if (result[i] == null) {
                result[i] = apply(tx, parts, receipts.get(i));
            }
        }
        return List.of(result);
    }

    private static OptionalLong apply(JdbcTx tx, PartTable parts, ReceiptUpdate receipt)
            throws SQLException {
        Optional<PartTable.PartRef> match = parts.find(receipt.matchKey());
        if (match.isEmpty()) {
            parts.park(receipt);
            return OptionalLong.empty();
        }
        long id = match.get().outboundId();
        boolean changed = parts.apply(match.get(), receipt.state(), receipt.error());
        if (!changed || !parts.settleOnePart(id, receipt.state(), receipt.error())) {
            parts.settleMessage(id);
        }
        return OptionalLong.of(id);
    }

    /** The owners holding CLAIMED messages, with how many each holds. */
    public Map<String, Long> claimOwners() {
        return db.read(tx -> InDoubtRows.owners(JdbcTx.of(tx).connection()));
    }

    /**
     * Keeps {@code owner}'s claims (an owner known to be dead) from being claimed for {@code hold}: time for the
     * receipts of its last submits to arrive ({@link #settleInDoubt}). Returns how many.
     */
    public int holdClaims(String owner, Duration hold) {
        Objects.requireNonNull(owner, "owner");
        long until = clock.millis() + hold.toMillis();
        return write(tx -> InDoubtRows.setLease(tx.connection(), owner, until));
    }

    /**
     * Settles the claims of a dead {@code owner} that receipts which matched no part report on: those received for
     * the message's destination and sender since it was claimed, when the owner holds no other message for them and
     * there are at least one and at most as many as the message has parts. With a receipt for every part the message
     * becomes SUBMITTED under the receipts' SMSC message ids and takes their states; with receipts for some parts it
     * becomes UNKNOWN (never submitted again) with those parts recorded. Either way it is not submitted again.
     * Returns how many.
     */
    public int settleInDoubt(String owner) {
        Objects.requireNonNull(owner, "owner");
        long now = clock.millis();
        return write(tx -> InDoubtRows.settle(tx.connection(), new PartTable(tx, now), owner, now));
    }

    /**
     * Ends the leases of {@code owner}'s claims now, for an owner known to be dead: its messages can be claimed at
     * once. Their attempts stay counted, so those sent again count as resent. Returns how many.
     */
    public int expireClaims(String owner) {
        Objects.requireNonNull(owner, "owner");
        long now = clock.millis();
        return write(tx -> InDoubtRows.setLease(tx.connection(), owner, now));
    }

    @Override
    public QueueDepth depth() {
        return count(DEPTH_SQL);
    }

    @Override
    public QueueDepth countByState() {
        return count("SELECT lane, state, COUNT(*) FROM outbound GROUP BY lane, state");
    }

    private QueueDepth count(String sql) {
        return db.read(tx -> {
            Map<Lane, Map<OutboundState, Long>> counts = new EnumMap<>(Lane.class);
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(Lane.values()[rs.getInt(1)], l -> new EnumMap<>(OutboundState.class))
                            .put(OutboundState.valueOf(rs.getString(2)), rs.getLong(3));
                }
            }
            return new QueueDepth(counts);
        });
    }

    @Override
    public Optional<OutboundStatus> status(long id) {
        return db.read(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            List<OutboundStatus.PartStatus> parts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT part, smsc_message_id, state FROM outbound_part "
                    + "WHERE outbound_id = ? ORDER BY part")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        parts.add(new OutboundStatus.PartStatus(rs.getInt(1), rs.getString(2),
                                OutboundState.valueOf(rs.getString(3))));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lane, state, attempts, error FROM outbound WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<OutboundStatus>empty();
                    }
                    String error = rs.getString(4);
                    return Optional.of(new OutboundStatus(id, Lane.values()[rs.getInt(1)],
                            OutboundState.valueOf(rs.getString(2)), rs.getInt(3), error == null ? "" : error, parts));
                }
            }
        });
    }

    /**
     * Locks these messages' rows in id order, in one statement, and returns their state and part count as locked:
     * transactions that lock rows only after the keys (receipts for different parts of one message hold different
     * keys) then never wait on each other in a cycle. Only PostgreSQL needs it; SQLite has one writer at a time.
     */
    private static Map<Long, PartTable.Message> lockRows(JdbcTx tx, Collection<Long> sortedIds)
            throws SQLException {
        if (tx.dialect() != Dialect.POSTGRES || sortedIds.isEmpty()) {
            return Map.of();
        }
        MultiRow ids = new MultiRow(tx.dialect(), "bigint");
        sortedIds.forEach(ids::add);
        Map<Long, PartTable.Message> locked = new HashMap<>();
        ids.forEachChunk(tx, src -> "SELECT o.id, o.state, o.parts FROM outbound o JOIN (" + src + ") AS q(id) "
                + "ON o.id = q.id ORDER BY o.id FOR UPDATE OF o", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            locked.put(rs.getLong(1), new PartTable.Message(rs.getString(2), rs.getInt(3)));
                        }
                    }
                });
        return locked;
    }

    /** A message's new state, error, part count and first SMSC id, written if its owner still holds its claim. */
    private record Ending(long id, String state, String error, int parts, String smscMessageId, String owner) {

        static Ending of(Settlement s) {
            SubmitOutcome outcome = s.outcome();
            if (outcome instanceof SubmitOutcome.Submitted sub) {
                return new Ending(s.id(), OutboundState.SUBMITTED.name(), null, sub.parts().size(),
                        sub.parts().get(0).messageId(), s.owner());
            } else if (outcome instanceof SubmitOutcome.Unknown u) {
                return new Ending(s.id(), OutboundState.UNKNOWN.name(), u.reason(), u.accepted().size() + 1,
                        firstId(u.accepted()), s.owner());
            } else if (outcome instanceof SubmitOutcome.Failed f) {
                return new Ending(s.id(), OutboundState.FAILED.name(), f.error(), f.accepted().size() + 1,
                        firstId(f.accepted()), s.owner());
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
        MultiRow rows = new MultiRow(tx.dialect(), "bigint", "text", "text", "integer", "text", "text", "bigint");
        endings.forEach(e -> rows.add(e.id(), e.state(), e.error(), e.parts(), e.smscMessageId(), e.owner(), now));
        Set<Long> updated = new HashSet<>();
        rows.forEachChunk(tx, src -> "WITH v (id, state, error, parts, mid, owner, at) AS (" + src + ") "
                + "UPDATE outbound SET state = v.state, error = v.error, parts = v.parts, smsc_message_id = v.mid, "
                + "claim_owner = NULL, lease_until = NULL, updated_at = v.at FROM v WHERE outbound.id = v.id "
                + "AND outbound.state = 'CLAIMED' AND outbound.claim_owner = v.owner RETURNING outbound.id", ps -> {
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
                + "WHERE id = ? AND state = 'CLAIMED' AND claim_owner = ?");
        Set<Long> updated = new HashSet<>();
        for (Ending e : endings) {
            ps.setString(1, e.state());
            ps.setString(2, e.error());
            ps.setInt(3, e.parts());
            ps.setString(4, e.smscMessageId());
            ps.setLong(5, now);
            ps.setLong(6, e.id());
            ps.setString(7, e.owner());
            if (ps.executeUpdate() == 1) {
                updated.add(e.id());
            }
        }
        return updated;
    }

    /** Returns a message still CLAIMED by the settling owner to the queue; whether it was. */
    private static boolean giveBack(JdbcTx tx, Settlement s, SubmitOutcome.RetryLater r, long now)
            throws SQLException {
        PreparedStatement ps = tx.statement("UPDATE outbound SET state = 'PENDING', "
                + "claim_owner = NULL, lease_until = NULL, not_before = ?, error = ?, "
                + "attempts = attempts - ?, updated_at = ? WHERE id = ? AND state = 'CLAIMED' AND claim_owner = ?");
        ps.setLong(1, r.notBefore().toEpochMilli());
        ps.setString(2, r.error());
        ps.setInt(3, r.countsAsAttempt() ? 0 : 1);
        ps.setLong(4, now);
        ps.setLong(5, s.id());
        ps.setString(6, s.owner());
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

    private static QueuedSms queued(ResultSet rs) throws SQLException {
        String caseId = rs.getString(7);
        return new QueuedSms(rs.getLong(1), Lane.values()[rs.getInt(2)], rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), caseId == null ? "" : caseId, rs.getInt(8), rs.getLong(9));
    }
}
