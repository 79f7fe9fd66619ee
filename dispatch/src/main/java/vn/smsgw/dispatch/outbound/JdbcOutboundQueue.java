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
     * died may be sent twice. A settlement counts only while the row is still CLAIMED by the settling owner. A
     * campaign message is claimed only while its campaign may send (CAMPAIGN_SENDS).
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
     * alone and its caller gets the error; nobody's result is returned before the commit. On PostgreSQL every call
     * keeps its own transaction: writers run concurrently there, and combining pieces that take advisory locks in
     * their own order could deadlock with another process.
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

    static final String CLAIM_COLUMNS = "id, lane, destination, sender, body, kind, case_id, attempts, lease_until, "
            + "valid_until";

    /** A message within a {@link SmscScope}: for any SMSC, for the scope's, or another's queued long enough ago. */
    private static final String IN_SCOPE = "(smsc = '' OR smsc = ? OR created_at <= ?)";
    private static final String IN_SCOPE_NUMBERED = "(smsc = '' OR smsc = ?5 OR created_at <= ?6)";

    /**
     * A campaign message only while its campaign may send ({@code campaign.sends_until}, which the campaign runner
     * sets while the campaign runs in its sending window and every change of its state resets), so that a message
     * given back to the queue, or left by an owner that died, is not sent for a paused, cancelled or finished
     * campaign, nor outside its window or validity; any other message (its case id not that of a stored campaign)
     * always. The campaigns that may not send are read once per statement. Its one parameter, written {@code %s}, is
     * the time now.
     */
    private static final String CAMPAIGN_SENDS = " AND (case_id IS NULL OR case_id NOT IN "
            + "(SELECT 'campaign-' || id FROM campaign WHERE sends_until <= %s))";

    /** The predicate of the partial index outbound_ready (SQLite), verbatim, so that the count reads only it. */
    static final String DEPTH_SQL = "SELECT lane, state, COUNT(*) FROM outbound "
            + "WHERE state = 'PENDING' OR state = 'CLAIMED' GROUP BY lane, state";

    private final Database db;
    private final Clock clock;
    final String claimSql;
    final String anyDueSql;
    /** {@link #claimSql} and {@link #anyDueSql} for the campaign lane, with {@link #CAMPAIGN_SENDS}. */
    final String campaignClaimSql;
    final String campaignAnyDueSql;
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
        this.claimSql = claimSql(pg, false);
        this.campaignClaimSql = claimSql(pg, true);
        this.anyDueSql = anyDueSql(false);
        this.campaignAnyDueSql = anyDueSql(true);
    }

    /**
     * SQLite: the due rows as a merge of two walks of outbound_ready in id order, which stops at the limit (with one
     * OR'ed condition it collected every pending row of the lane, the whole campaign backlog, and sorted them at each
     * claim). PostgreSQL takes no FOR UPDATE over a UNION, and plans the OR on its own. The parameters are numbered:
     * ?1 to ?3 in the SET list, then the lane, the SMSC scope (its SMSC, and the latest creation time of another
     * SMSC's message it may take), the time twice, for the campaign lane the time again, and the limit.
     */
    private static String claimSql(boolean pg, boolean campaign) {
        String sends = pg ? campaignSends(campaign, "?") : campaignSends(campaign, "?9");
        String due = pg
                ? "SELECT id FROM outbound WHERE lane = ? AND " + IN_SCOPE
                        + " AND ((state = 'PENDING' AND not_before <= ?) OR "
                        + "(state = 'CLAIMED' AND lease_until <= ?))" + sends
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED"
                : "SELECT id FROM outbound WHERE state = 'PENDING' AND lane = ?4 AND " + IN_SCOPE_NUMBERED
                        + " AND not_before <= ?7" + sends + " UNION ALL "
                        + "SELECT id FROM outbound WHERE state = 'CLAIMED' AND lane = ?4 AND " + IN_SCOPE_NUMBERED
                        + " AND lease_until <= ?8" + sends + " ORDER BY 1 LIMIT " + (campaign ? "?10" : "?9");
        return "UPDATE outbound SET state = 'CLAIMED', claim_owner = ?, lease_until = ?, "
                + "attempts = attempts + 1, updated_at = ? WHERE id IN (" + due + ") RETURNING " + CLAIM_COLUMNS;
    }

    /**
     * The parameters: the lane, the SMSC scope and the time (then, for the campaign lane, the time again), for the
     * pending messages, and the same for the claimed ones.
     */
    private static String anyDueSql(boolean campaign) {
        String sends = campaignSends(campaign, "?");
        return "SELECT 1 FROM outbound WHERE state = 'PENDING' AND lane = ? AND " + IN_SCOPE
                + " AND not_before <= ?" + sends + " UNION ALL SELECT 1 FROM outbound WHERE state = 'CLAIMED' "
                + "AND lane = ? AND " + IN_SCOPE + " AND lease_until <= ?" + sends + " LIMIT 1";
    }

    private static String campaignSends(boolean campaign, String now) {
        return campaign ? String.format(CAMPAIGN_SENDS, now) : "";
    }

    /**
     * Runs {@code work} in a write transaction: on SQLite a shared one ({@link Database#inSharedTransaction}), with
     * the other submitters' and receipts' writes and intake's group commit; on PostgreSQL its own.
     */
    private <T> T write(ConnectionWork<T> work) {
        return db.inSharedTransaction(tx -> work.run(JdbcTx.of(tx)), commitIntervalNanos);
    }

    /**
     * {@inheritDoc} A message of a stored campaign only while the campaign may send: running, inside its sending
     * window and before the end of its validity, as its runner last found it.
     */
    @Override
    public List<QueuedSms> claim(Lane lane, SmscScope scope, int max, String owner, Duration lease) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(owner, "owner");
        InMemoryOutboundQueue.checkClaim(max, lease);
        long now = clock.millis();
        boolean campaign = lane == Lane.CAMPAIGN;
        List<QueuedSms> claimed = write(tx -> {
            PreparedStatement ps = tx.statement(campaign ? campaignClaimSql : claimSql);
            ps.setString(1, owner);
            ps.setLong(2, now + lease.toMillis());
            ps.setLong(3, now);
            ps.setInt(4, lane.ordinal());
            ps.setString(5, scope.smsc());
            ps.setLong(6, scope.othersQueuedBy(now));
            ps.setLong(7, now);
            ps.setLong(8, now);
            if (campaign) {
                ps.setLong(9, now);
            }
            ps.setInt(campaign ? 10 : 9, max);
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
            boolean campaign = lane == Lane.CAMPAIGN;
            PreparedStatement ps = JdbcTx.of(tx).statement(campaign ? campaignAnyDueSql : anyDueSql);
            int p = 1;
            for (int branch = 0; branch < 2; branch++) { // the pending messages, then the claimed ones
                ps.setInt(p++, lane.ordinal());
                ps.setString(p++, scope.smsc());
                ps.setLong(p++, scope.othersQueuedBy(now));
                ps.setLong(p++, now);
                if (campaign) {
                    ps.setLong(p++, now);
                }
            }
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
            // rare (a multi-part message still being sent late in its lease), so one statement a message. It moves
            // the lease alone: updated_at of a CLAIMED message stays when it was claimed, which InDoubtRows takes as
            // the time from which receipts may be its parts' (moved by a renewal, it left out the parts sent before)
            PreparedStatement ps = tx.statement("UPDATE outbound SET lease_until = ? WHERE id = ? "
                    + "AND state = 'CLAIMED' AND claim_owner = ?");
            Set<Long> renewed = new TreeSet<>();
            for (long id : new TreeSet<>(ids)) {
                ps.setLong(1, now + lease.toMillis());
                ps.setLong(2, id);
                ps.setString(3, owner);
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
        return write(tx -> SettlementRows.settle(tx, settlements, now));
    }

    @Override
    public int recordLateParts(List<LatePart> late) {
        if (late.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        return write(tx -> SettlementRows.recordLateParts(tx, late, now));
    }

    @Override
    public List<OptionalLong> applyReceipts(List<ReceiptUpdate> receipts) {
        if (receipts.isEmpty()) {
            return List.of();
        }
        long now = clock.millis();
        return write(tx -> ReceiptRows.apply(tx, receipts, now));
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

    private static QueuedSms queued(ResultSet rs) throws SQLException {
        String caseId = rs.getString(7);
        return new QueuedSms(rs.getLong(1), Lane.values()[rs.getInt(2)], rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), caseId == null ? "" : caseId, rs.getInt(8), rs.getLong(9),
                rs.getLong(10));
    }
}
