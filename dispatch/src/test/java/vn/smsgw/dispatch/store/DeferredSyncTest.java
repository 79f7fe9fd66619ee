package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite with full sync: commits are synced by the sync thread, and nobody is told of a commit before that. */
class DeferredSyncTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = TestServices.sqlite(dir);
        db.inTransaction(tx -> JdbcTx.of(tx).connection().createStatement()
                .execute("CREATE TABLE item (name TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void inTransaction_returnsAfterASync() {
        long before = db.walSyncCount();
        db.inTransaction(tx -> JdbcTx.of(tx).statement("INSERT INTO item VALUES ('a')").executeUpdate());
        assertTrue(db.walSyncCount() > before, "a commit returned without a sync of the WAL");
    }

    @Test
    void connections_doNotSyncThemselves() throws Exception {
        String mode = db.read(tx -> {
            try (ResultSet rs = JdbcTx.of(tx).connection().createStatement().executeQuery("PRAGMA synchronous")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertEquals("1", mode, "NORMAL: the sync thread makes commits durable");
    }

    @Test
    void inSharedTransaction_withCallbacks_reportsDurabilityOnTheSyncThread() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        AtomicReference<Integer> result = new AtomicReference<>();
        CountDownLatch durable = new CountDownLatch(1);
        long before = db.walSyncCount();
        db.inSharedTransaction(tx -> JdbcTx.of(tx).statement("INSERT INTO item VALUES ('b')").executeUpdate(),
                n -> {
                    thread.set(Thread.currentThread().getName());
                    result.set(db.walSyncCount() > before ? n : -1);
                    durable.countDown();
                }, e -> { });
        assertTrue(durable.await(5, TimeUnit.SECONDS));
        assertEquals(1, result.get(), "the callback ran after a sync, with the work's result");
        assertEquals("smsgw-sqlite-sync", thread.get());
    }

    @Test
    void inSharedTransaction_failingWork_throwsAndCallsNeither() {
        AtomicReference<String> called = new AtomicReference<>("none");
        org.junit.jupiter.api.Assertions.assertThrows(StorageException.class, () -> db.inSharedTransaction(tx -> {
            JdbcTx.of(tx).statement("INSERT INTO item VALUES (NULL)").executeUpdate();
            return 0;
        }, n -> called.set("durable"), e -> called.set("lost")));
        assertEquals("none", called.get());
        assertEquals(Integer.valueOf(0), db.read(tx -> {
            try (ResultSet rs = JdbcTx.of(tx).connection().createStatement().executeQuery("SELECT count(*) FROM item")) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }

    @Test
    void walFlush_followsAReplacedWalFileAndSyncsTheDatabaseWhenThereIsNone() throws Exception {
        Path dbFile = dir.resolve("other.db");
        Files.write(dbFile, new byte[] {1});
        WalSync.WalFile flush = WalSync.walOf(dbFile);
        flush.flush(); // no WAL: the database file is synced
        assertEquals(0, flush.opens());
        Path wal = dir.resolve("other.db-wal");
        Files.write(wal, new byte[] {2});
        flush.flush();
        flush.flush();
        assertEquals(1, flush.opens(), "the same file is synced through the channel already open");
        Path moved = dir.resolve("old-wal");
        Files.move(wal, moved);
        Files.write(wal, new byte[] {3}); // a new file under the old name, the old one still there
        flush.flush();
        assertEquals(2, flush.opens(), "a replaced WAL file is opened anew");
        flush.close();
    }

    @Test
    void walFlush_onAThreadWithItsInterruptSet_syncsKeepsTheChannelOpenAndLeavesTheInterruptSet() throws Exception {
        WalSync.WalFile flush = walFileSyncedOnce();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        boolean[] interruptAfter = {false};
        Thread interrupted = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                flush.flush();
            } catch (Throwable t) {
                failure.set(t);
            }
            interruptAfter[0] = Thread.currentThread().isInterrupted();
        });
        interrupted.start();
        interrupted.join(10_000);

        assertEquals(null, failure.get(), "no ClosedByInterruptException");
        assertTrue(interruptAfter[0], "the thread's interrupt is kept for it to handle");
        flush.flush();
        assertEquals(1, flush.opens(), "the channel stayed open: not closed by the interrupt and opened again");
        flush.close();
    }

    @Test
    void walFlush_channelClosedUnderIt_opensTheFileAgainAndSyncs() throws Exception {
        WalSync.WalFile flush = walFileSyncedOnce();
        flush.channel().close(); // as an interrupt during force() closes it

        flush.flush();

        assertEquals(2, flush.opens(), "opened again");
        assertTrue(flush.channel().isOpen());
        flush.close();
    }

    /** The flush of a database file with a WAL file, synced once (its channel open). */
    private WalSync.WalFile walFileSyncedOnce() throws Exception {
        Path dbFile = dir.resolve("other.db");
        Files.write(dbFile, new byte[] {1});
        Files.write(dir.resolve("other.db-wal"), new byte[] {2});
        WalSync.WalFile flush = WalSync.walOf(dbFile);
        flush.flush();
        return flush;
    }
}
