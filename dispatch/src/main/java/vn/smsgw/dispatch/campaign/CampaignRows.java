package vn.smsgw.dispatch.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.smsgw.dispatch.store.Dialect;

/** SQL on table {@code campaign}. Stateless; every call runs on the caller's open transaction. */
final class CampaignRows {
    private static final String COLUMNS = "id, name, body, encoding_mode, sender, window_from, window_to, tps, "
            + "validity_ms, start_at, max_attempts, state, created_at, started_at, expires_at";

    private CampaignRows() {
    }

    static long insert(Connection c, CampaignSpec s, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign (name, body, encoding_mode, sender, "
                + "window_from, window_to, tps, validity_ms, start_at, max_attempts, state, created_at, next_slot, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, 0, ?) RETURNING id")) {
            ps.setString(1, s.name());
            ps.setString(2, s.text());
            ps.setString(3, s.mode().name());
            ps.setString(4, s.sender());
            ps.setInt(5, s.window().from().toSecondOfDay() / 60);
            ps.setInt(6, s.window().to().toSecondOfDay() / 60);
            ps.setInt(7, s.tps());
            ps.setLong(8, s.validity().toMillis());
            ps.setLong(9, s.startAt().toEpochMilli());
            ps.setInt(10, s.maxAttempts());
            ps.setLong(11, now);
            ps.setLong(12, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static boolean nameTaken(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM campaign WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The campaign, its row locked for the transaction on PostgreSQL when {@code lock}. */
    static Optional<Campaign> find(Connection c, Dialect d, long id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM campaign WHERE id = ?"
                + (lock && d == Dialect.POSTGRES ? " FOR UPDATE" : ""))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(campaign(rs)) : Optional.empty();
            }
        }
    }

    static Optional<Long> idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM campaign WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static List<Campaign> list(Connection c, String where) throws SQLException {
        List<Campaign> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM campaign" + where
                + " ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(campaign(rs));
            }
        }
        return out;
    }

    static long nextSlot(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT next_slot FROM campaign WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void setNextSlot(Connection c, long id, long slot, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE campaign SET next_slot = ?, updated_at = ? WHERE id = ?")) {
            ps.setLong(1, slot);
            ps.setLong(2, now);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Moves the campaign to {@code state}. Its messages are claimed no more until the runner's next pass finds it
     * running in its window ({@link #setSendsUntil}).
     */
    static void setState(Connection c, long id, CampaignState state, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE campaign SET state = ?, sends_until = 0, "
                + "updated_at = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setLong(2, now);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Lets the outbound queue hand out the campaign's messages until {@code until} (epoch milliseconds, exclusive):
     * the end of the stretch of its sending window and validity that is open now. Writes only a change.
     */
    static void setSendsUntil(Connection c, long id, long until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE campaign SET sends_until = ? WHERE id = ? AND sends_until <> ?")) {
            ps.setLong(1, until);
            ps.setLong(2, id);
            ps.setLong(3, until);
            ps.executeUpdate();
        }
    }

    /** Marks the campaign begun at {@code now}: expiry after its validity, pacing from now. */
    static void begin(Connection c, Campaign k, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE campaign SET state = 'RUNNING', started_at = ?, "
                + "expires_at = ?, next_slot = ?, sends_until = 0, updated_at = ? WHERE id = ?")) {
            ps.setLong(1, now);
            ps.setLong(2, now + k.spec().validity().toMillis());
            ps.setLong(3, now * 1000);
            ps.setLong(4, now);
            ps.setLong(5, k.id());
            ps.executeUpdate();
        }
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        SendingWindow w = new SendingWindow(LocalTime.ofSecondOfDay(rs.getInt(6) * 60L),
                LocalTime.ofSecondOfDay(rs.getInt(7) * 60L));
        CampaignSpec spec = new CampaignSpec(rs.getString(2), rs.getString(3),
                EncodingMode.valueOf(rs.getString(4)), rs.getString(5), w, rs.getInt(8),
                Duration.ofMillis(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)), rs.getInt(11));
        return new Campaign(rs.getLong(1), spec, CampaignState.valueOf(rs.getString(12)),
                Instant.ofEpochMilli(rs.getLong(13)), Instant.ofEpochMilli(rs.getLong(14)),
                Instant.ofEpochMilli(rs.getLong(15)));
    }
}
