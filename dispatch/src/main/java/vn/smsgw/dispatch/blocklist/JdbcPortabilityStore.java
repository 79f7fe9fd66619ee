package vn.smsgw.dispatch.blocklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.Carrier;

/** {@link PortabilityStore} on SQLite or PostgreSQL (table {@code portability}). Stateless and thread-safe. */
public final class JdbcPortabilityStore implements PortabilityStore {
    private static final String REVISION = "portability";
    private static final int BATCH = 1_000;

    @Override
    public Map<String, Carrier> all(Tx tx) {
        Map<String, Carrier> out = new HashMap<>();
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                "SELECT msisdn, carrier FROM portability")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Carrier.valueOf(rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read portability overrides: " + e.getMessage(), e);
        }
    }

    @Override
    public int replace(Tx tx, List<PortabilityOverride> overrides, Instant loadedAt) {
        Connection c = JdbcTx.of(tx).connection();
        // every row of this load gets its stamp, later than any before (two loads in one millisecond, a clock set
        // back); the rows left with an older one are those the file no longer lists. The revision is bumped first:
        // its row lock, held to the commit, makes a load on another process wait for this one, then read its stamp
        // (each statement reads what was committed before it began) and replace its rows, not keep them beside its own
        long at;
        try {
            Revisions.bump(c, REVISION);
            try (PreparedStatement max = c.prepareStatement("SELECT COALESCE(MAX(loaded_at), 0) FROM portability");
                 ResultSet rs = max.executeQuery()) {
                rs.next();
                at = Math.max(loadedAt.toEpochMilli(), rs.getLong(1) + 1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read portability overrides: " + e.getMessage(), e);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO portability (msisdn, carrier, loaded_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (msisdn) DO UPDATE SET carrier = excluded.carrier, "
                + "loaded_at = excluded.loaded_at")) {
            int pending = 0;
            for (PortabilityOverride o : overrides) {
                ps.setString(1, o.msisdn());
                ps.setString(2, o.carrier().name());
                ps.setLong(3, at);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
            int removed;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM portability WHERE loaded_at <> ?")) {
                delete.setLong(1, at);
                removed = delete.executeUpdate();
            }
            return removed;
        } catch (SQLException e) {
            throw new StorageException("cannot write portability overrides: " + e.getMessage(), e);
        }
    }

    @Override
    public long revision(Tx tx) {
        try {
            return Revisions.read(JdbcTx.of(tx).connection(), REVISION);
        } catch (SQLException e) {
            throw new StorageException("cannot read the portability revision: " + e.getMessage(), e);
        }
    }
}
