package vn.smsgw.dispatch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.TestServices;

/**
 * SQLite's plans for the campaign queries that run at every pass: each reads only the index it was written for, so
 * its cost follows what it returns, not the size of the campaign.
 */
class RecipientRowsPlanTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = TestServices.sqlite(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void unsent_isCountedInThePartialCaseIndexAlone() throws Exception {
        assertEquals(List.of("SEARCH outbound USING COVERING INDEX outbound_case (case_id=? AND state=? AND lane=?)"),
                plan(RecipientRows.UNSENT));
    }

    @Test
    void unsubmitted_readsThePartialCaseIndexAlone() throws Exception {
        assertEquals(List.of("SEARCH outbound USING COVERING INDEX outbound_case (case_id=? AND state=? AND lane=?)"),
                plan(RecipientRows.UNSUBMITTED));
    }

    @Test
    void unqueueable_readsThePartialCaseIndexAlone() throws Exception {
        assertEquals(List.of("SEARCH outbound USING INDEX outbound_case (case_id=? AND state=? AND lane=?)"),
                plan("SELECT 1 " + RecipientRows.UNQUEUEABLE + " LIMIT 1"));
    }

    @Test
    void outcomes_areReadFromTheCapturedRowsWithTheirMessageAndRecipientByKey() throws Exception {
        assertEquals(List.of("SEARCH q USING COVERING INDEX sqlite_autoindex_campaign_outcome_1 (case_id=?)",
                "SEARCH o USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN",
                "SEARCH r USING INDEX campaign_recipient_outbound (outbound_id=?) LEFT-JOIN"),
                plan(RecipientRows.OUTCOMES));
    }

    @Test
    void counts_readTheStateIndexAlone() throws Exception {
        assertEquals(List.of("SEARCH campaign_recipient USING COVERING INDEX campaign_recipient_state (campaign_id=?)"),
                plan(RecipientRows.COUNTS));
    }

    private List<String> plan(String sql) {
        return db.read(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            List<String> steps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString("detail"));
                }
            }
            return steps;
        });
    }
}
