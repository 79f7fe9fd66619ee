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
import vn.smsgw.parser.text.SmsEncoding;
import vn.smsgw.parser.text.SmsLength;

/** SQL on the claims of a dead owner, whose last submits may or may not have reached the SMSC. Stateless. */
final class InDoubtRows {

    /*
     * A claim left by a dead owner is in doubt: its submit_sm may have been accepted without the settlement being
     * committed. The SMSC still sends the receipt of an accepted submit (real SMSCs to the next bind of the same
     * system_id), where it matches no part and is parked with its subscriber and sender. A parked receipt settles a
     * claim when it is the only one for that subscriber and sender received since the claim, the dead owner holds only
     * that one message for them, and the message has one part (a receipt per part would be needed otherwise). The
     * receipt is then applied as if it had arrived after the settlement.
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

    static int settle(Connection c, PartTable parts, String owner, long now) throws SQLException {
        record Claim(long id, String destination, String sender, long claimedAt) {
        }
        List<Claim> claims = new ArrayList<>();
        Map<String, Integer> perAddress = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, destination, sender, body, kind, updated_at "
                + "FROM outbound WHERE state = 'CLAIMED' AND claim_owner = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perAddress.merge(rs.getString(2) + "/" + rs.getString(3), 1, Integer::sum);
                    if (onePart(rs.getString(4), rs.getString(5))) {
                        claims.add(new Claim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(6)));
                    }
                }
            }
        }
        int settled = 0;
        for (Claim k : claims) {
            if (perAddress.get(k.destination() + "/" + k.sender()) != 1) {
                continue;
            }
            String key = onlyReceipt(c, k.destination(), k.sender(), k.claimedAt());
            if (key != null && submitted(c, k.id(), owner, key, now)) {
                List<PartId> ids = List.of(new PartId(1, key, List.of(key)));
                parts.insert(k.id(), ids);
                parts.applyEarly(k.id(), ids);
                parts.settleMessage(k.id());
                settled++;
            }
        }
        return settled;
    }

    private static boolean onePart(String body, String kind) {
        SmsLength length = kind.endsWith(QueuedSms.UCS2_KIND_SUFFIX) ? SmsLength.of(body, SmsEncoding.UCS2)
                : SmsLength.of(body);
        return length.segments() == 1;
    }

    /** The key of the only parked receipt for this subscriber and sender since {@code since}, or null. */
    private static String onlyReceipt(Connection c, String subscriber, String sender, long since)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT match_key FROM outbound_early_receipt "
                + "WHERE subscriber = ? AND sender = ? AND received_at >= ? LIMIT 2")) {
            ps.setString(1, subscriber);
            ps.setString(2, sender);
            ps.setLong(3, since);
            try (ResultSet rs = ps.executeQuery()) {
                String key = rs.next() ? rs.getString(1) : null;
                return rs.next() ? null : key;
            }
        }
    }

    private static boolean submitted(Connection c, long id, String owner, String key, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbound SET state = 'SUBMITTED', error = NULL, "
                + "parts = 1, smsc_message_id = ?, claim_owner = NULL, lease_until = NULL, updated_at = ? "
                + "WHERE id = ? AND state = 'CLAIMED' AND claim_owner = ?")) {
            ps.setString(1, key);
            ps.setLong(2, now);
            ps.setLong(3, id);
            ps.setString(4, owner);
            return ps.executeUpdate() == 1;
        }
    }
}
