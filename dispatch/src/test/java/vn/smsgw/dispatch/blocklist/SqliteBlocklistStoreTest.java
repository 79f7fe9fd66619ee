package vn.smsgw.dispatch.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.TestServices;
import vn.smsgw.parser.report.Command;

class SqliteBlocklistStoreTest extends BlocklistStoreContract {
    private Database db;

    @Override
    BlocklistStores openStores() {
        db = TestServices.sqlite(dir.resolve("db"));
        return BlocklistStores.jdbc(db);
    }

    @Override
    void closeStores() {
        db.close();
    }

    /** Closes the database and opens it again: the vote keys must come back from the logs, not from memory. */
    private void reopen() {
        closeStores();
        setUp();
    }

    @Test
    void vote_afterReopen_knowsEarlierReportersAndListsOnTheThird() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2");

        reopen();
        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2", "r3");

        assertEquals(List.of(false, false, true), out.stream().map(VoteOutcome::counted).toList());
        assertEquals(3, out.get(2).reporters());
        assertTrue(out.get(2).listedNow());
        assertEquals(EntryState.LISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
    }

    @Test
    void vote_hexReporterHashes_beforeAndAfterReopen_countEachReporterOnce() {
        String r1 = "00000000000000000000000000000001";
        String r2 = "10000000000000000000000000000000"; // the same digits as r1 in another place
        String r3 = "0000000000000000000000000000000f";
        castEach(VIETTEL_NUMBER, Command.LD, r1, r2, r1);
        assertEquals(2, entry("VIETTEL", VIETTEL_NUMBER).reporters());

        reopen();
        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, r2, r1, r3);

        assertEquals(List.of(false, false, true), out.stream().map(VoteOutcome::counted).toList());
        assertEquals(3, out.get(2).reporters());
        assertTrue(out.get(2).listedNow());
    }

    @Test
    void vote_afterReopen_refreshedVoteKeepsItsLatestTime() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1");
        clock.advance(Duration.ofDays(8));
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2"); // r1 refreshed: a second log row, newer
        clock.advance(Duration.ofDays(1));

        reopen();
        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r1", "r3");

        assertEquals(List.of(false, true), out.stream().map(VoteOutcome::counted).toList());
        assertTrue(out.get(1).listedNow(), "r1 (refreshed), r2 and r3 are within the 7 days");
        assertEquals(3, out.get(1).reporters());
    }

    @Test
    void vote_inRolledBackTransaction_leavesNoKeyBehind() {
        assertThrows(StorageException.class, () -> stores.transactions().inTransaction(tx -> {
            blocklist.vote(tx, List.of(vote(VIETTEL_NUMBER, Command.LD, "r1")));
            throw new IllegalStateException("the rest of the batch failed");
        }));

        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2");

        assertEquals(List.of(true, true), out.stream().map(VoteOutcome::counted).toList());
        assertEquals(2, out.get(1).reporters());
        assertFalse(out.get(1).listedNow());
        assertEquals(2L, count("SELECT COUNT(*) FROM blocklist_vote"));
    }

    @Test
    void vote_afterARolledBackListing_listsOnTheNextVote() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2"); // a candidate, its state remembered
        assertThrows(StorageException.class, () -> stores.transactions().inTransaction(tx -> {
            List<VoteOutcome> out = blocklist.vote(tx, List.of(vote(VIETTEL_NUMBER, Command.LD, "r3")));
            assertTrue(out.get(0).listedNow(), "listed inside the transaction");
            throw new IllegalStateException("the rest of the batch failed");
        }));
        assertEquals(EntryState.CANDIDATE, entry("VIETTEL", VIETTEL_NUMBER).state());

        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r3");

        assertTrue(out.get(0).listedNow(), "the rolled-back state is not remembered");
        assertEquals(EntryState.LISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
    }

    @Test
    void vote_newEntryOfARolledBackTransaction_isInsertedByTheNextVote() {
        assertThrows(StorageException.class, () -> stores.transactions().inTransaction(tx -> {
            blocklist.vote(tx, List.of(vote(VIETTEL_NUMBER, Command.V, "r1")));
            throw new IllegalStateException("the rest of the batch failed");
        }));

        castEach(VIETTEL_NUMBER, Command.V, "r1");

        assertEquals(EntryState.CANDIDATE, entry("VIETTEL", VIETTEL_NUMBER).state());
        assertEquals(1L, count("SELECT COUNT(*) FROM blocklist_entry"));
    }

    @Test
    void vote_afterADelistAndRelist_followsTheRowsState() {
        listViettelNumber();
        castEach(VIETTEL_NUMBER, Command.V, "r4"); // LISTED remembered
        admin.delist("VIETTEL", VIETTEL_NUMBER.value(), "carrier verified subscriber", "op1");

        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r5", "r6", "r7");

        assertFalse(out.stream().anyMatch(VoteOutcome::listedNow), "a delisted entry stays delisted");
        assertEquals(EntryState.DELISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
        admin.relist("VIETTEL", VIETTEL_NUMBER.value(), "confirmed", "op1");
        castEach(VIETTEL_NUMBER, Command.LD, "r8");
        assertEquals(EntryState.LISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
    }

    @Test
    void vote_onSqlite_appendsToLogsWithoutKeyIndexes() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2");

        assertEquals(2L, count("SELECT COUNT(*) FROM blocklist_vote"));
        assertEquals(0L, count("SELECT COUNT(*) FROM blocklist_reporter"), "an entry's reporters are its voters");
        assertEquals(0L, count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                + "AND tbl_name IN ('blocklist_vote', 'blocklist_reporter')"));
    }

    @Test
    void vote_afterReopen_reporterOfAnotherCommandIsNotNewToTheEntry() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1");

        reopen();
        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.V, "r1", "r2");

        assertEquals(List.of(true, true), out.stream().map(VoteOutcome::counted).toList());
        assertEquals(List.of(1, 2), out.stream().map(VoteOutcome::reporters).toList(),
                "r1 was already a reporter of the number, from its LD vote");
    }

    @Test
    void vote_afterReopen_reporterRowsOfAnEarlierVersionStillCount() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1");
        String hash = db.read(tx -> {
            try (Statement st = JdbcTx.of(tx).connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT reporter_hash FROM blocklist_vote")) {
                rs.next();
                return rs.getString(1);
            }
        });
        db.inTransaction(tx -> {
            try (Statement st = JdbcTx.of(tx).connection().createStatement()) {
                // as an earlier version wrote it: the reporter row kept, its vote gone from the log
                st.executeUpdate("INSERT INTO blocklist_reporter (list, source, reporter_hash) VALUES ('VIETTEL', '"
                        + VIETTEL_NUMBER.value() + "', '" + hash + "')");
                return st.executeUpdate("DELETE FROM blocklist_vote");
            }
        });

        reopen();
        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2");

        assertEquals(List.of(true, true), out.stream().map(VoteOutcome::counted).toList());
        assertEquals(List.of(1, 2), out.stream().map(VoteOutcome::reporters).toList());
    }

    @Test
    void vote_knownEntry_leavesItsRowAloneUntilItsStateChanges() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2");

        assertEquals(1L, count(ROW_REPORTERS), "written when the entry was created");
        assertEquals(2, entry("VIETTEL", VIETTEL_NUMBER).reporters(), "the live count, from the vote log");

        castEach(VIETTEL_NUMBER, Command.LD, "r3"); // listed
        assertEquals(3L, count(ROW_REPORTERS), "brought up to date with the change of state");
    }

    @Test
    void entries_afterReopen_liveCountComesFromTheVoteLog() {
        listViettelNumber();
        castEach(VIETTEL_NUMBER, Command.V, "r4", "r5");
        assertEquals(3L, count(ROW_REPORTERS));

        reopen(); // no vote since: the count must come from the log, not from a row or an earlier index

        assertEquals(5, entry("VIETTEL", VIETTEL_NUMBER).reporters());
        assertEquals(List.of(5), listedReporters("VIETTEL"));
    }

    @Test
    void delist_afterReopen_writesTheLiveCountToTheRow() {
        listViettelNumber();
        castEach(VIETTEL_NUMBER, Command.V, "r4");

        reopen();
        admin.delist("VIETTEL", VIETTEL_NUMBER.value(), "carrier verified subscriber", "op1");

        assertEquals(4L, count(ROW_REPORTERS));
    }

    @Test
    void export_startedBetweenACommitAndTheIndexUpdate_neverCountsLessThanTheRow() {
        String[] seen = new String[1];
        stores.transactions().inTransaction(tx -> {
            tx.afterCommit(() -> seen[0] = csv("VIETTEL")); // runs before the vote index takes this commit's votes
            return blocklist.vote(tx, List.of(vote(VIETTEL_NUMBER, Command.LD, "r1"),
                    vote(VIETTEL_NUMBER, Command.LD, "r2"), vote(VIETTEL_NUMBER, Command.LD, "r3"))); // listed
        });

        assertTrue(seen[0].contains(",MOBILE,3,"), seen[0]);
        assertEquals(List.of(3), listedReporters("VIETTEL"));
    }

    @Test
    void delist_neverLowersTheRowsCount() {
        listViettelNumber();
        assertEquals(3L, count(ROW_REPORTERS));
        db.inTransaction(tx -> {
            try (Statement st = JdbcTx.of(tx).connection().createStatement()) {
                st.executeUpdate("UPDATE blocklist_entry SET reporters = 7 WHERE list = 'VIETTEL'");
            }
            return null;
        });

        admin.delist("VIETTEL", VIETTEL_NUMBER.value(), "carrier verified subscriber", "op1");

        assertEquals(7L, count(ROW_REPORTERS));
    }

    private static final String ROW_REPORTERS = "SELECT reporters FROM blocklist_entry WHERE list = 'VIETTEL'";

    private long count(String sql) {
        return db.read(tx -> {
            try (Statement st = JdbcTx.of(tx).connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
