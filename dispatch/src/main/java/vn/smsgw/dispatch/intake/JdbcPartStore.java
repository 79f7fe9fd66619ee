package vn.smsgw.dispatch.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.text.TextCoding;

/**
 * MO parts on SQLite or PostgreSQL. The {@code mo_group} row of a message is updated by every new part, so on
 * PostgreSQL two processes adding parts of one message serialise on it and exactly one of them sees it complete.
 */
public final class JdbcPartStore implements PartStore {

    /*
     * Parts keep their user-data octets (hex) and text coding: the message is decoded once they are joined. Parts
     * stored before schema version 20 have no octets; their decoded body is used.
     *
     * Keys. Group keys name the concatenation scheme since schema version 20. A message opened before keeps its old
     * key: a part that finds no message open under the new key joins one open under the old key, and a part of a
     * message reassembled under the old key is still recognised when redelivered.
     */

    private static final HexFormat HEX = HexFormat.of();
    private static final String PART_COLUMNS = "reporter, short_code, smsc_id, received_at, ref, total, seq, body, "
            + "is_binary, octets, coding";

    @Override
    public Added add(Tx tx, InboundPart p, String textHash) {
        Connection c = JdbcTx.of(tx).connection();
        try {
            if (exists(c, "SELECT 1 FROM mo_part_done WHERE group_key IN (?, ?) AND seq = ? AND text_hash = ?",
                    p.groupKey(), p.legacyGroupKey(), p.seq(), textHash)) {
                return new Added.Duplicate();
            }
            String key = !open(c, p.groupKey()) && open(c, p.legacyGroupKey()) ? p.legacyGroupKey() : p.groupKey();
            if (!insertOpen(c, key, p, textHash)) {
                return new Added.Duplicate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mo_group (group_key, parts, total, "
                    + "first_received_at) VALUES (?, 1, ?, ?) ON CONFLICT (group_key) DO UPDATE "
                    + "SET parts = mo_group.parts + 1 RETURNING parts")) {
                ps.setString(1, key);
                ps.setInt(2, p.key().total());
                ps.setLong(3, p.receivedAt().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) >= p.key().total() ? new Added.Completed(key) : new Added.Stored();
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot store MO part: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String sql, String key, String legacyKey, int seq, String hash)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, legacyKey);
            ps.setInt(3, seq);
            ps.setString(4, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether a message is open under {@code key}. */
    private static boolean open(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM mo_group WHERE group_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static final String PART_ROW = "group_key, seq, total, ref, reporter, short_code, smsc_id, body, "
            + "is_binary, octets, coding, text_hash, received_at";

    /** Adds the part to its open message; returns false if the message has a part of that number. */
    private static boolean insertOpen(Connection c, String key, InboundPart p, String textHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mo_part (" + PART_ROW + ") "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (group_key, seq) DO NOTHING")) {
            bindPart(ps, key, p, textHash);
            return ps.executeUpdate() == 1;
        }
    }

    /** Binds the 13 columns of {@link #PART_ROW}. */
    private static void bindPart(PreparedStatement ps, String key, InboundPart p, String textHash)
            throws SQLException {
        PartContent.Text text = p.content() instanceof PartContent.Text t ? t : null;
        ps.setString(1, key);
        ps.setInt(2, p.seq());
        ps.setInt(3, p.key().total());
        ps.setInt(4, p.key().ref());
        ps.setString(5, p.reporter());
        ps.setString(6, p.shortCode());
        ps.setString(7, p.smscId());
        ps.setString(8, p.content().text());
        ps.setInt(9, p.content() instanceof PartContent.Binary ? 1 : 0);
        ps.setString(10, text == null ? null : HEX.formatHex(text.octetsView()));
        ps.setString(11, text == null ? null : text.coding().name());
        ps.setString(12, textHash);
        ps.setLong(13, p.receivedAt().toEpochMilli());
    }

    @Override
    public List<StoredPart> parts(Tx tx, String groupKey) {
        return read(tx, "SELECT " + PART_COLUMNS + " FROM mo_part WHERE group_key = ? ORDER BY seq", groupKey);
    }

    private static List<StoredPart> read(Tx tx, String sql, String arg) {
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setString(1, arg);
            List<StoredPart> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredPart(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                            content(rs)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read MO parts: " + e.getMessage(), e);
        }
    }

    private static PartContent content(ResultSet rs) throws SQLException {
        String body = rs.getString(8);
        String octets = rs.getString(10);
        if (rs.getInt(9) == 1) {
            return new PartContent.Binary(body);
        }
        if (octets == null) { // stored before parts kept their octets
            return new PartContent.Decoded(body);
        }
        return new PartContent.Text(TextCoding.valueOf(rs.getString(11)), HEX.parseHex(octets));
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
