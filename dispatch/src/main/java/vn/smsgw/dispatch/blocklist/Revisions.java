package vn.smsgw.dispatch.blocklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code blocklist_revision} counters that tell caches in every process when reference data changed. */
final class Revisions {
    private Revisions() {
    }

    static void bump(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO blocklist_revision (name, revision) VALUES (?, 1) "
                + "ON CONFLICT (name) DO UPDATE SET revision = blocklist_revision.revision + 1")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    static long read(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM blocklist_revision WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }
}
