package vn.smsgw.dispatch.blocklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;

/** {@link AllowlistStore} on SQLite or PostgreSQL (table {@code allowlist}). Stateless and thread-safe. */
public final class JdbcAllowlistStore implements AllowlistStore {
    private static final String REVISION = "allowlist";

    @Override
    public Map<String, AllowlistEntry> all(Tx tx) {
        Map<String, AllowlistEntry> out = new HashMap<>();
        try (PreparedStatement ps = connection(tx).prepareStatement(
                "SELECT source, note, origin, added_at FROM allowlist");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new AllowlistEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read the allowlist: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(Tx tx, String source) {
        try {
            // asked at every vote: kept prepared (JdbcTx#statement), so never closed here
            PreparedStatement ps = JdbcTx.of(tx).statement("SELECT 1 FROM allowlist WHERE source = ?");
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the allowlist: " + e.getMessage(), e);
        }
    }

    @Override
    public Put put(Tx tx, AllowlistEntry e) {
        Connection c = connection(tx);
        try {
            Put outcome = Put.ADDED;
            try (PreparedStatement ps = c.prepareStatement("SELECT note, origin FROM allowlist WHERE source = ?")) {
                ps.setString(1, e.source());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        outcome = e.note().equals(rs.getString(1)) && e.origin().equals(rs.getString(2))
                                ? Put.UNCHANGED : Put.CHANGED;
                    }
                }
            }
            if (outcome == Put.UNCHANGED) {
                return outcome; // no write, no new revision: every process's cache stays as it is
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO allowlist (source, note, origin, added_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET note = excluded.note, "
                    + "origin = excluded.origin")) {
                ps.setString(1, e.source());
                ps.setString(2, e.note());
                ps.setString(3, e.origin());
                ps.setLong(4, e.addedAt().toEpochMilli());
                ps.executeUpdate();
            }
            Revisions.bump(c, REVISION);
            return outcome;
        } catch (SQLException ex) {
            throw new StorageException("cannot write the allowlist: " + ex.getMessage(), ex);
        }
    }

    @Override
    public boolean remove(Tx tx, String source) {
        Connection c = connection(tx);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM allowlist WHERE source = ?")) {
            ps.setString(1, source);
            boolean removed = ps.executeUpdate() > 0;
            if (removed) {
                Revisions.bump(c, REVISION);
            }
            return removed;
        } catch (SQLException e) {
            throw new StorageException("cannot write the allowlist: " + e.getMessage(), e);
        }
    }

    @Override
    public long revision(Tx tx) {
        try {
            return Revisions.read(connection(tx), REVISION);
        } catch (SQLException e) {
            throw new StorageException("cannot read the allowlist revision: " + e.getMessage(), e);
        }
    }

    private static Connection connection(Tx tx) {
        return JdbcTx.of(tx).connection();
    }
}
