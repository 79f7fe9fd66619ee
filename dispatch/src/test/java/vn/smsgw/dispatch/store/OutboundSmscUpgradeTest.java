package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 19 on a SQLite database that already holds outbound messages: each is then for any SMSC. */
class OutboundSmscUpgradeTest {
    private static final int BEFORE = Migrations.SCRIPTS.indexOf("V19__outbound_smsc.sql");

    @TempDir
    Path dir;

    @Test
    void sqlite_messagesOfVersion18_areForAnySmsc() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
            Migrations migrations = new Migrations(Dialect.SQLITE);
            migrations.apply(c, BEFORE);
            insert(c, "PENDING");
            insert(c, "DELIVERED");

            migrations.apply(c);

            assertEquals(List.of("1 PENDING []", "2 DELIVERED []"),
                    SqlRows.firstColumn(c, "SELECT id || ' ' || state || ' [' || smsc || ']' FROM outbound ORDER BY id"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound (lane, state, destination, sender, "
                    + "body, kind, created_at, not_before, attempts, updated_at, smsc) VALUES (0, 'PENDING', "
                    + "'84912345678', '156', 'b', 'ACK', 1, 1, 0, 1, 'viettel')")) {
                ps.executeUpdate();
            }
            assertEquals(List.of("viettel"), SqlRows.firstColumn(c, "SELECT smsc FROM outbound WHERE id = 3"));
        }
    }

    private static void insert(Connection c, String state) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound (lane, state, destination, sender, body, "
                + "kind, created_at, not_before, attempts, updated_at) VALUES (0, ?, '84912345678', '156', 'b', "
                + "'ACK', 1, 1, 0, 1)")) {
            ps.setString(1, state);
            ps.executeUpdate();
        }
    }
}
