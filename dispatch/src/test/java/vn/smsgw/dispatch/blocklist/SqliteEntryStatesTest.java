package vn.smsgw.dispatch.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.TestServices;

class SqliteEntryStatesTest {
    @TempDir
    Path dir;

    private Database db;
    private final SqliteEntryStates states = new SqliteEntryStates();

    @BeforeEach
    void open() {
        db = TestServices.sqlite(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void stateSeenInATransaction_rememberedOnlyOnceItCommits() {
        db.inTransaction(tx -> {
            states.seenIn(JdbcTx.of(tx)).put("VIETTEL", "84981234567", "CANDIDATE");
            assertNull(states.state("VIETTEL", "84981234567"), "not before the commit");
            return null;
        });

        assertEquals("CANDIDATE", states.state("VIETTEL", "84981234567"));
        assertNull(states.state("MOBIFONE", "84981234567"), "per list");
    }

    @Test
    void stateSeenInARolledBackTransaction_neverRemembered() {
        assertThrows(StorageException.class, () -> db.inTransaction(tx -> {
            states.seenIn(JdbcTx.of(tx)).put("VIETTEL", "84981234567", "LISTED");
            throw new IllegalStateException("rolled back");
        }));

        assertNull(states.state("VIETTEL", "84981234567"));
    }

    @Test
    void changeBetweenTheReadAndTheCommit_dropsWhatTheTransactionSaw() {
        db.inTransaction(tx -> {
            SqliteEntryStates.Seen seen = states.seenIn(JdbcTx.of(tx));
            seen.put("VIETTEL", "84981234567", "CANDIDATE");
            states.changing("VIETTEL", "84900000000"); // another entry, e.g. listed by the same batch
            return null;
        });

        assertNull(states.state("VIETTEL", "84981234567"), "read before a change: not trusted");
        assertEquals(0, states.size());
    }

    @Test
    void change_forgetsTheEntryAtOnce() {
        db.inTransaction(tx -> {
            states.seenIn(JdbcTx.of(tx)).put("VIETTEL", "84981234567", "CANDIDATE");
            return null;
        });

        states.changing("VIETTEL", "84981234567");

        assertNull(states.state("VIETTEL", "84981234567"));
    }

    @Test
    void transactionStartedAfterAChange_remembersAgain() {
        states.changing("VIETTEL", "84981234567");
        db.inTransaction(tx -> {
            states.seenIn(JdbcTx.of(tx)).put("VIETTEL", "84981234567", "LISTED");
            return null;
        });

        assertEquals("LISTED", states.state("VIETTEL", "84981234567"));
    }
}
