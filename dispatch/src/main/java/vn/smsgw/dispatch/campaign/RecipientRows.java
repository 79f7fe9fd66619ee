package vn.smsgw.dispatch.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.store.Dialect;

/** SQL on table {@code campaign_recipient} and on the campaign's rows of {@code outbound}. Stateless. */
final class RecipientRows {

    /*
     * The outbound rows are written here rather than through Outbox.enqueue because the move needs their ids back
     * (multi-row INSERT ... RETURNING) to mark each recipient QUEUED with its outbound id in the same transaction;
     * the columns and their meaning are those of JdbcOutbox.
     */

    private static final int INSERT_ROWS = 500;
    /** command_status values after which the same submit may succeed later. */
    static final Set<String> TEMPORARY_ERRORS = Set.of("0x00000008", "0x00000014", "0x00000058", "0x00000064");

    /*
     * The queries below that run at every pass, with the indexes they are written for (RecipientRowsPlanTest reads
     * SQLite's plans): outbound_case is partial, so they repeat its condition word for word (lane = 1, states
     * compared with '=').
     */
    /** Unclaimed messages of a campaign: counted in outbound_case alone. */
    static final String UNSENT = "SELECT COUNT(*) FROM outbound WHERE lane = 1 AND case_id = ? AND state = 'PENDING'";
    /** Whether a campaign has messages not submitted yet: outbound_case. */
    static final String UNSUBMITTED = "SELECT 1 FROM outbound WHERE lane = 1 AND case_id = ? "
            + "AND (state = 'PENDING' OR state = 'CLAIMED') LIMIT 1";
    /**
     * Captured outcomes with their message and recipient. The recipient is found by its outbound id alone (one
     * recipient per message), then checked: with the campaign and state in the join, SQLite's planner preferred the
     * state index and walked every QUEUED recipient for each outcome.
     */
    static final String OUTCOMES = "SELECT q.outbound_id, CASE WHEN r.campaign_id = ? AND r.state = 'QUEUED' "
            + "THEN r.msisdn END, o.state, o.error, o.attempts, r.attempts, o.parts FROM campaign_outcome q "
            + "LEFT JOIN outbound o ON o.id = q.outbound_id LEFT JOIN campaign_recipient r "
            + "ON r.outbound_id = q.outbound_id WHERE q.case_id = ? LIMIT ?";
    /**
     * The campaign's messages that no submitter may send any more: unclaimed, or claimed by an owner whose lease ran
     * out (it died, or gave them back after its campaign stopped); outbound_case.
     */
    static final String UNQUEUEABLE = "FROM outbound WHERE lane = 1 AND case_id = ? "
            + "AND (state = 'PENDING' OR state = 'CLAIMED') AND (state = 'PENDING' OR lease_until <= ?)";
    /** Counts by recipient state: campaign_recipient_state alone. */
    static final String COUNTS = "SELECT state, COUNT(*), SUM(resent) FROM campaign_recipient "
            + "WHERE campaign_id = ? AND state <> 'QUEUED' GROUP BY state";

    private RecipientRows() {
    }

    /** Adds the numbers as PENDING recipients, skipping those already there; returns how many were added. */
    static int add(Connection c, Dialect d, long campaign, List<String> digits) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_recipient (campaign_id, msisdn, state, "
                + "attempts, resent) VALUES (?, ?, 'PENDING', 0, 0) ON CONFLICT (campaign_id, msisdn) DO NOTHING")) {
            for (String n : digits) {
                ps.setLong(1, campaign);
                ps.setString(2, n);
                ps.addBatch();
            }
            int added = 0;
            for (int r : ps.executeBatch()) {
                added += r > 0 ? r : 0;
            }
            return added;
        }
    }

    static long count(Connection c, long campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM campaign_recipient WHERE campaign_id = ?")) {
            ps.setLong(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Outbound messages of the campaign not yet claimed by a submitter. */
    static long unsent(Connection c, long campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UNSENT)) {
            ps.setString(1, Campaign.caseId(campaign));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static boolean anyPending(Connection c, long campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM campaign_recipient WHERE campaign_id = ? "
                + "AND state = 'PENDING' LIMIT 1")) {
            ps.setLong(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Moves up to the plan's count of PENDING recipients into the outbound queue, due at the plan's slots; returns
     * how many moved.
     */
    static int transfer(Connection c, Dialect d, Campaign k, Throttle.Plan plan, long now) throws SQLException {
        List<String> numbers = new ArrayList<>(plan.count());
        try (PreparedStatement ps = c.prepareStatement("SELECT msisdn FROM campaign_recipient WHERE campaign_id = ? "
                + "AND state = 'PENDING' LIMIT ?" + (d == Dialect.POSTGRES ? " FOR UPDATE SKIP LOCKED" : ""))) {
            ps.setLong(1, k.id());
            ps.setInt(2, plan.count());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                }
            }
        }
        String body = k.spec().body();
        for (int from = 0; from < numbers.size(); from += INSERT_ROWS) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + INSERT_ROWS));
            Map<String, Long> ids = insertOutbound(c, k, body, chunk, plan, from, now);
            try (PreparedStatement ps = c.prepareStatement("UPDATE campaign_recipient SET state = 'QUEUED', "
                    + "outbound_id = ?, attempts = attempts + 1, error = NULL WHERE campaign_id = ? AND msisdn = ?")) {
                for (String n : chunk) {
                    ps.setLong(1, ids.get(n));
                    ps.setLong(2, k.id());
                    ps.setString(3, n);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return numbers.size();
    }

    private static Map<String, Long> insertOutbound(Connection c, Campaign k, String body, List<String> chunk,
            Throttle.Plan plan, int offset, long now) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO outbound (lane, state, destination, sender, body, case_id, "
                + "kind, created_at, not_before, attempts, updated_at, valid_until) VALUES ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(").append(Lane.CAMPAIGN.ordinal())
                    .append(", 'PENDING', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
        }
        sql.append(" RETURNING id, destination");
        Map<String, Long> ids = new java.util.HashMap<>(chunk.size() * 2);
        String kind = Campaign.outboundKind(k.spec().mode());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = 0; i < chunk.size(); i++) {
                ps.setString(p++, chunk.get(i));
                ps.setString(p++, k.spec().sender());
                ps.setString(p++, body);
                ps.setString(p++, k.caseId());
                ps.setString(p++, kind);
                ps.setLong(p++, now);
                ps.setLong(p++, plan.slot(offset + i) / 1000);
                ps.setLong(p++, now);
                ps.setLong(p++, k.expiresAt().toEpochMilli());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * A campaign message that reached a final state (a row of {@code campaign_outcome}), with its recipient if that
     * recipient is still QUEUED with it ({@code msisdn} null if not: a recipient cancelled or retried meanwhile).
     */
    record Outcome(long outbound, String msisdn, String state, String error, int sends, int attempts, int parts) {
        boolean matched() {
            return msisdn != null && state != null;
        }
    }

    /**
     * Up to {@code max} of the campaign's captured final outcomes not copied yet. A read: it may run on a snapshot
     * and not under the write lock, because a final outbound state never changes.
     */
    static List<Outcome> finalOutcomes(Connection c, Campaign k, int max) throws SQLException {
        List<Outcome> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OUTCOMES)) {
            ps.setLong(1, k.id());
            ps.setString(2, k.caseId());
            ps.setInt(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Outcome(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7)));
                }
            }
        }
        return rows;
    }

    /**
     * Copies final outbound outcomes (from {@link #finalOutcomes}, possibly read on an older snapshot) onto their
     * recipients that are still QUEUED with that message, and takes them out of {@code campaign_outcome}; a submit
     * refused with a temporary error goes back to PENDING while attempts remain and no part of it was accepted (a
     * message whose first parts went out is not sent whole again), unless the campaign, in its state {@code now} as
     * read under its row lock, has stopped for good: then the recipient is CANCELLED or EXPIRED, as the stop left the
     * others (no runner would move a PENDING recipient of a cancelled or finished campaign again). A final outbound
     * state never changes, so a stale read applies the same outcome, and applying it twice (two processes) changes
     * nothing the second time.
     */
    static void applyOutcomes(Connection c, Campaign k, CampaignState now, List<Outcome> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE campaign_recipient SET state = ?, error = ?, "
                + "outbound_id = ?, resent = CASE WHEN ? > 1 THEN 1 ELSE resent END "
                + "WHERE campaign_id = ? AND msisdn = ? AND state = 'QUEUED' AND outbound_id = ?")) {
            for (Outcome r : rows) {
                if (!r.matched()) {
                    continue;
                }
                boolean temporary = "FAILED".equals(r.state()) && TEMPORARY_ERRORS.contains(r.error())
                        && r.attempts() < k.spec().maxAttempts() && r.parts() <= 1;
                RecipientState to = !temporary ? finalState(r.state()) : switch (now) {
                    case CANCELLED -> RecipientState.CANCELLED;
                    case DONE -> RecipientState.EXPIRED;
                    default -> RecipientState.PENDING;
                };
                boolean retry = to == RecipientState.PENDING;
                ps.setString(1, to.name());
                ps.setString(2, r.error());
                if (retry) {
                    ps.setNull(3, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(3, r.outbound());
                }
                ps.setInt(4, r.sends());
                ps.setLong(5, k.id());
                ps.setString(6, r.msisdn());
                ps.setLong(7, r.outbound());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM campaign_outcome WHERE case_id = ? AND outbound_id = ?")) {
            for (Outcome r : rows) {
                ps.setString(1, k.caseId());
                ps.setLong(2, r.outbound());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The recipient state an outbound state reads as. */
    static RecipientState finalState(String outboundState) {
        return switch (outboundState) {
            case "PENDING", "CLAIMED" -> RecipientState.QUEUED;
            case "SUBMITTED" -> RecipientState.SUBMITTED;
            case "UNKNOWN" -> RecipientState.UNKNOWN;
            case "DELIVERED" -> RecipientState.DELIVERED;
            case "EXPIRED" -> RecipientState.EXPIRED;
            default -> RecipientState.FAILED;
        };
    }

    /** Whether the campaign has messages {@link #unqueue} would take out at {@code now}. */
    static boolean anyUnqueueable(Connection c, long campaign, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 " + UNQUEUEABLE + " LIMIT 1")) {
            ps.setString(1, Campaign.caseId(campaign));
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Takes the campaign's messages that no submitter holds back out of the outbound queue: those not claimed, and
     * those whose claim's lease ran out at {@code now}; their recipients become {@code to} (PENDING again for a
     * pause, so that the move does not count as an attempt; a message of an expired claim counts as one, and its
     * recipient as possibly sent twice, {@link #IN_DOUBT}). Returns how many.
     */
    static int unqueue(Connection c, long campaign, RecipientState to, String error, long now) throws SQLException {
        /** A message taken out of the queue, and whether a claim whose lease ran out held it. */
        record Taken(long id, boolean inDoubt) {
        }
        List<Taken> taken = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("DELETE " + UNQUEUEABLE + " RETURNING id, state")) {
            ps.setString(1, Campaign.caseId(campaign));
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(new Taken(rs.getLong(1), "CLAIMED".equals(rs.getString(2))));
                }
            }
        }
        if (taken.isEmpty()) {
            return 0;
        }
        // a message claimed by a submitter that let its lease run out (its process died, most likely) may have gone
        // out: its attempt stays counted, and its recipient is marked as possibly sent twice if it is sent again
        try (PreparedStatement ps = c.prepareStatement("UPDATE campaign_recipient SET state = ?, outbound_id = NULL, "
                + "error = ?, attempts = attempts - ?, resent = CASE WHEN ? = 1 THEN 1 ELSE resent END "
                + "WHERE outbound_id = ? AND campaign_id = ?")) {
            for (Taken t : taken) {
                ps.setString(1, to.name());
                ps.setString(2, t.inDoubt() ? error + IN_DOUBT : error);
                ps.setInt(3, to == RecipientState.PENDING && !t.inDoubt() ? 1 : 0);
                ps.setInt(4, t.inDoubt() ? 1 : 0);
                ps.setLong(5, t.id());
                ps.setLong(6, campaign);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return taken.size();
    }

    /** Added to the error of a recipient whose message was taken back from a claim whose lease had run out. */
    static final String IN_DOUBT = "; its message was claimed by a submitter that stopped holding it, and may have "
            + "gone out";

    /**
     * How many PENDING recipients of a stopped campaign one transaction settles: a cancel of millions at once held the
     * single SQLite writer for seconds (2,000,000 in 5.0 s in the sqlite3 shell), and intake with it.
     */
    static final int SETTLE_CHUNK = 5_000;

    /**
     * Up to {@code limit} PENDING recipients of the campaign become {@code to}, with {@code error}; returns how many
     * (fewer than {@code limit}: none is left).
     */
    static int settlePending(Connection c, long campaign, RecipientState to, String error, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE campaign_recipient SET state = ?, error = ? "
                + "WHERE campaign_id = ? AND msisdn IN (SELECT msisdn FROM campaign_recipient "
                + "WHERE campaign_id = ? AND state = 'PENDING' LIMIT ?)")) {
            ps.setString(1, to.name());
            ps.setString(2, error);
            ps.setLong(3, campaign);
            ps.setLong(4, campaign);
            ps.setInt(5, limit);
            return ps.executeUpdate();
        }
    }

    static RecipientCounts counts(Connection c, long campaign) throws SQLException {
        Map<RecipientState, Long> by = new EnumMap<>(RecipientState.class);
        long resent = 0;
        try (PreparedStatement ps = c.prepareStatement(COUNTS)) {
            ps.setLong(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.merge(RecipientState.valueOf(rs.getString(1)), rs.getLong(2), Long::sum);
                    resent += rs.getLong(3);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT o.state, COUNT(*), SUM(CASE WHEN o.attempts > 1 "
                + "OR r.resent = 1 THEN 1 ELSE 0 END) FROM campaign_recipient r JOIN outbound o ON o.id = r.outbound_id "
                + "WHERE r.campaign_id = ? AND r.state = 'QUEUED' GROUP BY o.state")) {
            ps.setLong(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.merge(finalState(rs.getString(1)), rs.getLong(2), Long::sum);
                    resent += rs.getLong(3);
                }
            }
        }
        return new RecipientCounts(by, resent);
    }

    /**
     * Whether the campaign has anything left to send or settle: a recipient waiting to be queued, a message queued or
     * claimed, or a final outcome not yet given to its recipient.
     */
    static boolean anyLeft(Connection c, long campaign) throws SQLException {
        return anyPending(c, campaign) || anyUnsubmitted(c, campaign) || anyOutcome(c, campaign);
    }

    /** Whether a message of the campaign reached a final state that its recipient has not been given yet. */
    private static boolean anyOutcome(Connection c, long campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM campaign_outcome WHERE case_id = ? LIMIT 1")) {
            ps.setString(1, Campaign.caseId(campaign));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** QUEUED recipients whose message no submitter has taken yet (PENDING or CLAIMED in the queue). */
    static boolean anyUnsubmitted(Connection c, long campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UNSUBMITTED)) {
            ps.setString(1, Campaign.caseId(campaign));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
