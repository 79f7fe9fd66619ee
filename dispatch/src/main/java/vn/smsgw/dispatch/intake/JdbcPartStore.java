package vn.smsgw.dispatch.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;

/**
 * MO parts on SQLite or PostgreSQL. The {@code mo_group} row of a message is updated by every new part, so on
 * PostgreSQL two processes adding parts of one message serialise on it and exactly one of them sees it complete.
 */
public final class JdbcPartStore implements PartStore {

    @Override
    public Added add(Tx tx, InboundPart p, String textHash) {
        Connection c = JdbcTx.of(tx).connection();
        String key = p.groupKey();
        try {
            if (exists(c, "SELECT 1 FROM mo_part_done WHERE group_key = ? AND seq = ? AND text_hash = ?", key,
                    p.seq(), textHash)) {
                return Added.DUPLICATE;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mo_part (group_key, seq, total, ref, reporter, "
                    + "short_code, smsc_id, body, is_binary, text_hash, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (group_key, seq) DO NOTHING")) {
                ps.setString(1, key);
                ps.setInt(2, p.seq());
                ps.setInt(3, p.total());
                ps.setInt(4, p.ref());
                ps.setString(5, p.reporter());
                ps.setString(6, p.shortCode());
                ps.setString(7, p.smscId());
                ps.setString(8, p.text());
                ps.setInt(9, p.binary() ? 1 : 0);
                ps.setString(10, textHash);
                ps.setLong(11, p.receivedAt().toEpochMilli());
                if (ps.executeUpdate() == 0) {
                    return Added.DUPLICATE;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mo_group (group_key, parts, total, "
                    + "first_received_at) VALUES (?, 1, ?, ?) ON CONFLICT (group_key) DO UPDATE "
                    + "SET parts = mo_group.parts + 1 RETURNING parts")) {
                ps.setString(1, key);
                ps.setInt(2, p.total());
                ps.setLong(3, p.receivedAt().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) >= p.total() ? Added.COMPLETED : Added.STORED;
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot store MO part: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String sql, String key, int seq, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setInt(2, seq);
            ps.setString(3, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<InboundPart> parts(Tx tx, String groupKey) {
        String sql = "SELECT reporter, short_code, smsc_id, received_at, ref, total, seq, body, is_binary "
                + "FROM mo_part WHERE group_key = ? ORDER BY seq";
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setString(1, groupKey);
            List<InboundPart> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InboundPart(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                            rs.getString(8), rs.getInt(9) == 1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read MO parts: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> openSince(Tx tx, long epochMillis, int limit) {
        JdbcTx j = JdbcTx.of(tx);
        String sql = "SELECT group_key FROM mo_group WHERE first_received_at < ? ORDER BY first_received_at LIMIT ?"
                + (j.dialect() == Dialect.POSTGRES ? " FOR UPDATE SKIP LOCKED" : "");
        try (PreparedStatement ps = j.connection().prepareStatement(sql)) {
            ps.setLong(1, epochMillis);
            ps.setInt(2, limit);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new StorageException("cannot list open MO groups: " + e.getMessage(), e);
        }
    }

    @Override
    public void complete(Tx tx, String groupKey, long epochMillis) {
        Connection c = JdbcTx.of(tx).connection();
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mo_part_done (group_key, seq, text_hash, "
                    + "done_at) SELECT group_key, seq, text_hash, ? FROM mo_part WHERE group_key = ? "
                    + "ON CONFLICT DO NOTHING")) {
                ps.setLong(1, epochMillis);
                ps.setString(2, groupKey);
                ps.executeUpdate();
            }
            for (String sql : new String[] {"DELETE FROM mo_part WHERE group_key = ?",
                                            "DELETE FROM mo_group WHERE group_key = ?"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, groupKey);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot complete MO group: " + e.getMessage(), e);
        }
    }

    @Override
    public int expireDone(Tx tx, long epochMillis) {
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                "DELETE FROM mo_part_done WHERE done_at < ?")) {
            ps.setLong(1, epochMillis);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot expire reassembled parts: " + e.getMessage(), e);
        }
    }
}
