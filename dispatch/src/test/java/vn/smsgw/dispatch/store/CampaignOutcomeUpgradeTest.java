package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 12: outcomes reached before it and not copied yet are captured, and from then on the trigger captures
 * each campaign message whose state becomes final, and nothing else.
 */
class CampaignOutcomeUpgradeTest {
    private static final int BEFORE = Migrations.SCRIPTS.indexOf("V12__campaign_outcomes.sql");

    @TempDir
    Path dir;

    @Test
    void sqlite_pendingOutcomesSeeded_thenOnlyFinalCampaignStatesCaptured() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
            check(c, Dialect.SQLITE);
        }
    }

    @Test
    void postgres_pendingOutcomesSeeded_thenOnlyFinalCampaignStatesCaptured() throws Exception {
        DatabaseConfig config = TestServices.postgresConfig(TestServices.freshPostgresSchema());
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
            check(c, Dialect.POSTGRES);
        }
    }

    private static void check(Connection c, Dialect dialect) throws Exception {
        Migrations migrations = new Migrations(dialect);
        migrations.apply(c, BEFORE);
        outbound(c, 1, 1, "DELIVERED", "campaign-1"); // queued recipient, outcome not copied yet
        outbound(c, 2, 1, "SUBMITTED", "campaign-1"); // queued recipient, waiting for its receipt
        outbound(c, 3, 1, "FAILED", "campaign-1"); // outcome already copied onto its recipient
        outbound(c, 4, 0, "SUBMITTED", "RPT0000001"); // a reply
        outbound(c, 5, 1, "CLAIMED", "campaign-1");
        recipient(c, "84900000001", "QUEUED", 1);
        recipient(c, "84900000002", "QUEUED", 2);
        recipient(c, "84900000003", "FAILED", 3);
        recipient(c, "84900000005", "QUEUED", 5);
        migrations.apply(c);
        assertEquals(List.of(1L), captured(c));

        setState(c, 2, "DELIVERED"); // a receipt
        setState(c, 4, "DELIVERED"); // a reply's receipt: not a campaign message
        setState(c, 5, "SUBMITTED"); // not final
        assertEquals(List.of(1L, 2L), captured(c));
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM campaign_outcome"); // copied by the runner
        }
        setState(c, 5, "UNDELIVERABLE");
        setState(c, 2, "DELIVERED"); // the same state written again is not a new outcome
        assertEquals(List.of(5L), captured(c));
    }

    private static void outbound(Connection c, long id, int lane, String state, String caseId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound (id, lane, state, destination, sender, "
                + "body, case_id, kind, created_at, not_before, attempts, updated_at) "
                + "VALUES (?, ?, ?, '84900000000', '156', 'x', ?, 'GSM7', 0, 0, 1, 0)")) {
            ps.setLong(1, id);
            ps.setInt(2, lane);
            ps.setString(3, state);
            ps.setString(4, caseId);
            ps.executeUpdate();
        }
    }

    private static void recipient(Connection c, String msisdn, String state, long outbound) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_recipient (campaign_id, msisdn, state, "
                + "outbound_id, attempts, resent) VALUES (1, ?, ?, ?, 1, 0)")) {
            ps.setString(1, msisdn);
            ps.setString(2, state);
            ps.setLong(3, outbound);
            ps.executeUpdate();
        }
    }

    private static void setState(Connection c, long id, String state) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbound SET state = ? WHERE id = ?")) {
            ps.setString(1, state);
            ps.setLong(2, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static List<Long> captured(Connection c) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT outbound_id FROM campaign_outcome WHERE case_id = 'campaign-1' ORDER BY outbound_id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
