package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 16 on a SQLite database that already holds outbound messages in every kind of state. */
class OutboundReadyUpgradeTest {
    private static final int BEFORE = Migrations.SCRIPTS.indexOf("V16__sqlite_outbound_ready_partial.sql");
    private static final String MESSAGES = "SELECT id || ' ' || lane || ' ' || state FROM outbound ORDER BY id";

    @TempDir
    Path dir;

    @Test
    void sqlite_messagesOfVersion15_keptWithOnlyTheClaimableOnesIndexed() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
            Migrations migrations = new Migrations(Dialect.SQLITE);
            migrations.apply(c, BEFORE);
            String[] states = {"PENDING", "CLAIMED", "SUBMITTED", "DELIVERED", "FAILED", "UNKNOWN", "PENDING"};
            for (int i = 0; i < states.length; i++) {
                insert(c, i % 2, states[i]);
            }
            List<String> before = SqlRows.firstColumn(c, MESSAGES);
            assertEquals("7", indexEntries(c));

            migrations.apply(c);

            assertEquals(before, SqlRows.firstColumn(c, MESSAGES));
            String index = SqlRows.firstColumn(c, "SELECT sql FROM sqlite_master WHERE name = 'outbound_ready'")
                    .get(0);
            assertTrue(index.endsWith("WHERE state = 'PENDING' OR state = 'CLAIMED'"), index);
            assertEquals("3", indexEntries(c));
            assertEquals(List.of("1 0 PENDING", "2 1 CLAIMED", "7 0 PENDING"),
                    SqlRows.firstColumn(c, "SELECT id || ' ' || lane || ' ' || state FROM outbound "
                            + "INDEXED BY outbound_ready WHERE state = 'PENDING' OR state = 'CLAIMED' ORDER BY id"));
            assertEquals(List.of("ok"), SqlRows.firstColumn(c, "PRAGMA integrity_check"));
        }
    }

    private static void insert(Connection c, int lane, String state) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound (lane, state, destination, sender, body, "
                + "kind, created_at, not_before, attempts, updated_at) VALUES (?, ?, '84912345678', '156', 'b', "
                + "'ACK', 1, 1, 0, 1)")) {
            ps.setInt(1, lane);
            ps.setString(2, state);
            ps.executeUpdate();
        }
    }

    /** The number of entries in outbound_ready, as ANALYZE counts them. */
    private static String indexEntries(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE outbound");
        }
        String stat = SqlRows.firstColumn(c, "SELECT stat FROM sqlite_stat1 WHERE idx = 'outbound_ready'").get(0);
        return stat.split(" ")[0];
    }
}
