package vn.smsgw.dispatch.outbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.smsgw.parser.text.SmsEncoding;
import vn.smsgw.parser.text.SmsLength;

/** SQL on the claims of a dead owner, whose last submits may or may not have reached the SMSC. Stateless. */
final class InDoubtRows {

    /*
     * A claim left by a dead owner is in doubt: its submit_sm may have been accepted without the settlement being
     * committed. The SMSC still sends the receipt of every accepted submit_sm, one per part (real SMSCs to the next
     * bind of the same system_id), where it matches no part and is parked with its subscriber and sender. The parked
     * receipts received since the claim for the message's subscriber and sender are taken as the receipts of its
     * parts when the dead owner holds no other message for them and there are no more of them than the message has
     * parts (more means another message is involved and none can be told apart). Then:
     *
     * - a receipt for every part: every submit_sm reached the SMSC. The message becomes SUBMITTED with the receipts'
     *   ids as its part ids, in the order they arrived, and takes their states (DELIVERED once all are delivered; a
     *   later final receipt for one of them is matched as usual).
     * - receipts for some parts: the message was being sent, part after part, when the process died; the parts
     *   without a receipt were either not submitted or their receipts are late. It is not submitted again, just as
     *   a live submitter never submits a message again once one of its parts was accepted: a new copy would go out
     *   under another concatenation reference, so the parts the subscriber has would arrive a second time and the
     *   first copy would stay incomplete anyway. It becomes UNKNOWN
     *   ("in doubt: k of n parts receipted") with the receipted parts recorded, so a failure receipt still fails it.
     * - no receipt, or more receipts than parts: nothing is known, and expireClaims hands it back to be submitted
     *   again.
     *
     * The receipt keys are locked (PostgreSQL) before any message row, all of them in one sorted order, as the other
     * writers of the queue do, so a receipt arriving meanwhile for one of them waits and then finds its part.
     */

    private InDoubtRows() {
    }

    static Map<String, Long> owners(Connection c) throws SQLException {
        Map<String, Long> owners = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT claim_owner, COUNT(*) FROM outbound "
                + "WHERE state = 'CLAIMED' AND claim_owner IS NOT NULL GROUP BY claim_owner");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getLong(2));
            }
        }
        return owners;
    }

    static int setLease(Connection c, String owner, long until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbound SET lease_until = ? "
                + "WHERE state = 'CLAIMED' AND claim_owner = ?")) {
            ps.setLong(1, until);
            ps.setString(2, owner);
            return ps.executeUpdate();
        }
    }

    /** One claim of the dead owner and the receipt keys taken as its parts'. */
    private record Claim(long id, String destination, String sender, int parts, long claimedAt, List<String> keys) {
    }

    static int settle(Connection c, PartTable parts, String owner, long now) throws SQLException {
        List<Claim> claims = receipted(c, owner);
        TreeSet<String> keys = new TreeSet<>();
        claims.forEach(k -> keys.addAll(k.keys()));
        parts.lockKeys(keys);
        int settled = 0;
        for (Claim k : claims) {
            boolean complete = k.keys().size() == k.parts();
            if (!mark(c, k, owner, complete, now)) {
                continue;
            }
            List<PartId> ids = new ArrayList<>();
            for (int i = 0; i < k.keys().size(); i++) {
                ids.add(new PartId(i + 1, k.keys().get(i), List.of(k.keys().get(i))));
            }
            parts.insert(k.id(), ids);
            parts.applyEarly(k.id(), ids);
            parts.settleMessage(k.id());
            settled++;
        }
        return settled;
    }

    /**
     * The owner's claims that parked receipts can be taken for: at least one, at most one per part. A claimed
     * message's updated_at is when it was claimed (a renewal moves only its lease).
     */
    private static List<Claim> receipted(Connection c, String owner) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        Map<String, Integer> perAddress = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, destination, sender, body, kind, updated_at "
                + "FROM outbound WHERE state = 'CLAIMED' AND claim_owner = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perAddress.merge(rs.getString(2) + "/" + rs.getString(3), 1, Integer::sum);
                    claims.add(new Claim(rs.getLong(1), rs.getString(2), rs.getString(3),
                            parts(rs.getString(4), rs.getString(5)), rs.getLong(6), List.of()));
                }
            }
        }
        List<Claim> receipted = new ArrayList<>();
        for (Claim k : claims) {
            if (perAddress.get(k.destination() + "/" + k.sender()) != 1) {
                continue;
            }
            List<String> keys = receipts(c, k.destination(), k.sender(), k.claimedAt(), k.parts() + 1);
            if (!keys.isEmpty() && keys.size() <= k.parts()) {
                receipted.add(new Claim(k.id(), k.destination(), k.sender(), k.parts(), k.claimedAt(), keys));
            }
        }
        return receipted;
    }

    /** How many parts the message is submitted in (as the submitter splits it). */
    private static int parts(String body, String kind) {
        SmsLength length = kind.endsWith(QueuedSms.UCS2_KIND_SUFFIX) ? SmsLength.of(body, SmsEncoding.UCS2)
                : SmsLength.of(body);
        return length.segments();
    }

    /** Keys of at most {@code max} receipts parked for this subscriber and sender since {@code since}, oldest first. */
    private static List<String> receipts(Connection c, String subscriber, String sender, long since, int max)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT match_key FROM outbound_early_receipt "
                + "WHERE subscriber = ? AND sender = ? AND received_at >= ? ORDER BY received_at, match_key LIMIT ?")) {
            ps.setString(1, subscriber);
            ps.setString(2, sender);
            ps.setLong(3, since);
            ps.setInt(4, max);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        }
    }

    /** Ends the claim: SUBMITTED when every part is receipted, else UNKNOWN; false if it is no longer the owner's. */
    private static boolean mark(Connection c, Claim k, String owner, boolean complete, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbound SET state = ?, error = ?, parts = ?, "
                + "smsc_message_id = ?, claim_owner = NULL, lease_until = NULL, updated_at = ? "
                + "WHERE id = ? AND state = 'CLAIMED' AND claim_owner = ?")) {
            ps.setString(1, complete ? OutboundState.SUBMITTED.name() : OutboundState.UNKNOWN.name());
            ps.setString(2, complete ? null
                    : "in doubt: " + k.keys().size() + " of " + k.parts() + " parts receipted");
            ps.setInt(3, k.parts());
            ps.setString(4, k.keys().get(0));
            ps.setLong(5, now);
            ps.setLong(6, k.id());
            ps.setString(7, owner);
            return ps.executeUpdate() == 1;
        }
    }
}
