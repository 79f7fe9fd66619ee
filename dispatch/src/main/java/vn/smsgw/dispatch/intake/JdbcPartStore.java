package vn.smsgw.dispatch.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.text.TextCoding;

/**
 * MO parts on SQLite or PostgreSQL: {@code mo_part} (the parts of open messages), {@code mo_group} (one row per open
 * message), {@code mo_part_done} (the parts each stored message had, with its case, for the dedupe window) and
 * {@code mo_late_part} (late parts, kept as evidence of their message's case).
 */
public final class JdbcPartStore implements PartStore {

    /*
     * Every add first counts the part in its message's mo_group row, creating the row when the message is not open:
     * from then to the commit that row is locked, so on PostgreSQL two writers (or processes) adding parts of one
     * message serialise on it and exactly one of them sees it complete. What the message had when it was stored
     * (mo_part_done) is read only after that: a writer that waited for another one storing the message reads, in a
     * fresh statement snapshot, the parts that commit recorded, and a redelivered part is a duplicate, not the first
     * part of a new message. When the part turns out not to be stored, the count is taken back (and a row created for
     * it removed) before the commit.
     *
     * Late parts. When a message is stored (complete, or incomplete at the reassembly timeout) its parts go to
     * mo_part_done with its case id. A part that finds no open message under its key while the last message stored
     * under it (in either key form) lacks that part number is a late part of that message: it is kept in
     * mo_late_part with the case id, where the case's evidence can be read, and no message is stored for it, so the
     * reporter gets no second reply and the case no second report. A part number the message had, with other text,
     * is a new message that happens to reuse the reference, as is any part once mo_part_done has forgotten the
     * message (the dedupe window). A new message whose first part to arrive is one its predecessor under the same key
     * lacked cannot be told from a late part; with 8-bit references from one handset to one short code within the
     * window that is rare, and the part is kept, not lost.
     *
     * Keys. Group keys name the concatenation scheme since schema version 21. A message opened before keeps its old
     * key: a part that opens no message under the new key joins an open message under the old one (looked up once
     * per message, when its first part arrives). Parts stored before have no octets: their decoded body is used.
     */

    private static final HexFormat HEX = HexFormat.of();
    private static final String PART_COLUMNS = "reporter, short_code, smsc_id, received_at, ref, total, seq, body, "
            + "is_binary, octets, coding";

    @Override
    public Added add(Tx tx, InboundPart p, String textHash) {
        JdbcTx j = JdbcTx.of(tx);
        Connection c = j.connection();
        try {
            String key = p.groupKey();
            int counted = count(c, key, p);
            if (counted == 1 && lockOpen(j, p.legacyGroupKey())) {
                execute(c, "DELETE FROM mo_group WHERE group_key = ?", key);
                key = p.legacyGroupKey();
                counted = countInOpen(c, key);
            }
            Closed closed = closed(c, key, p.legacyGroupKey());
            Added added;
            if (closed.had(p.seq(), textHash)) {
                added = new Added.Duplicate();
            } else if (counted == 1 && closed.lateOf(p.seq()) != null) {
                CaseId caseId = closed.lateOf(p.seq());
                added = insertLate(c, key, p, textHash, caseId) ? new Added.Late(caseId) : new Added.Duplicate();
            } else if (insertOpen(c, key, p, textHash)) {
                return counted >= p.key().total() ? new Added.Completed(key) : new Added.Stored();
            } else {
                added = new Added.Duplicate();
            }
            uncount(c, key, counted);
            return added;
        } catch (SQLException e) {
            throw new StorageException("cannot store MO part: " + e.getMessage(), e);
        }
    }

    /** Counts the part in its open message, opening it if needed; returns the count, this part included. */
    private static int count(Connection c, String key, InboundPart p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mo_group (group_key, parts, total, "
                + "first_received_at) VALUES (?, 1, ?, ?) ON CONFLICT (group_key) DO UPDATE "
                + "SET parts = mo_group.parts + 1 RETURNING parts")) {
            ps.setString(1, key);
            ps.setInt(2, p.key().total());
            ps.setLong(3, p.receivedAt().toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Whether a message is open under {@code key}; if so, its row is locked until the commit. */
    private static boolean lockOpen(JdbcTx j, String key) throws SQLException {
        String sql = "SELECT 1 FROM mo_group WHERE group_key = ?"
                + (j.dialect() == Dialect.POSTGRES ? " FOR UPDATE" : "");
        try (PreparedStatement ps = j.connection().prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int countInOpen(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE mo_group SET parts = parts + 1 WHERE group_key = ? RETURNING parts")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Takes back the count of a part that was not stored, removing the row it opened. */
    private static void uncount(Connection c, String key, int counted) throws SQLException {
        execute(c, counted == 1 ? "DELETE FROM mo_group WHERE group_key = ?"
                : "UPDATE mo_group SET parts = parts - 1 WHERE group_key = ?", key);
    }

    /** Runs an update of one message's rows. */
    private static void execute(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    /** What the messages stored under {@code key} (or its pre-version-20 form) had. */
    private static Closed closed(Connection c, String key, String legacyKey) throws SQLException {
        Closed closed = new Closed();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, text_hash, case_id FROM mo_part_done "
                + "WHERE group_key IN (?, ?) ORDER BY done_at DESC")) {
            ps.setString(1, key);
            ps.setString(2, legacyKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    closed.add(rs.getInt(1), rs.getString(2), rs.getString(3));
                }
            }
        }
        return closed;
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

    /** Keeps the part as evidence of {@code caseId}; returns false if it was kept before. */
    private static boolean insertLate(Connection c, String key, InboundPart p, String textHash, CaseId caseId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mo_late_part (" + PART_ROW + ", case_id) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (group_key, seq, text_hash) DO NOTHING")) {
            bindPart(ps, key, p, textHash);
            ps.setString(14, caseId.value());
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

    @Override
    public List<StoredPart> lateParts(Tx tx, CaseId caseId) {
        return read(tx, "SELECT " + PART_COLUMNS + " FROM mo_late_part WHERE case_id = ? ORDER BY received_at, seq",
                caseId.value());
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
    public void complete(Tx tx, String groupKey, CaseId caseId, long epochMillis) {
        Connection c = JdbcTx.of(tx).connection();
        try {
            // a part received again with the same text under a reused reference now belongs to this message
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mo_part_done (group_key, seq, text_hash, "
                    + "done_at, case_id) SELECT group_key, seq, text_hash, ?, ? FROM mo_part WHERE group_key = ? "
                    + "ON CONFLICT (group_key, seq, text_hash) DO UPDATE SET done_at = excluded.done_at, "
                    + "case_id = excluded.case_id")) {
                ps.setLong(1, epochMillis);
                ps.setString(2, caseId.value());
                ps.setString(3, groupKey);
                ps.executeUpdate();
            }
            execute(c, "DELETE FROM mo_part WHERE group_key = ?", groupKey);
            execute(c, "DELETE FROM mo_group WHERE group_key = ?", groupKey);
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

    /**
     * The parts that the messages stored under a message's key (in either form) had: any of them (a redelivery is a
     * duplicate), and those of the last one (a part it lacked is late, unless it was stored before messages kept
     * their case).
     */
    private static final class Closed {
        private final List<String> had = new ArrayList<>();
        private final List<Integer> lastSeqs = new ArrayList<>();
        private String lastCase;
        private boolean first = true;

        /** Rows come newest first. */
        void add(int seq, String hash, String caseId) {
            had.add(seq + "#" + hash);
            if (first) {
                first = false;
                lastCase = caseId;
            }
            if (lastCase != null && lastCase.equals(caseId)) {
                lastSeqs.add(seq);
            }
        }

        boolean had(int seq, String hash) {
            return had.contains(seq + "#" + hash);
        }

        /** The case of the last message stored under the key, if it lacked part {@code seq}; else null. */
        CaseId lateOf(int seq) {
            return lastCase == null || lastSeqs.contains(seq) ? null : new CaseId(lastCase);
        }
    }
}
