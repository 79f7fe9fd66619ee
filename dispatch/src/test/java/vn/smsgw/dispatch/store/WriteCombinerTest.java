package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shared writes on SQLite: pieces handed in meanwhile ride one transaction, and a failing piece is undone alone. */
class WriteCombinerTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = TestServices.sqlite(dir);
        db.inTransaction(tx -> JdbcTx.of(tx).connection().createStatement()
                .execute("CREATE TABLE piece (name TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void inSharedTransaction_piecesHandedInWhileOneRuns_shareTheNextTransaction() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = runningUntil(release);
        AtomicReference<Tx> second = new AtomicReference<>();
        AtomicReference<Tx> third = new AtomicReference<>();
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> db.inSharedTransaction(tx -> {
            second.set(tx);
            return insert(tx, "second");
        }));
        CompletableFuture<Void> c = CompletableFuture.runAsync(() -> db.inSharedTransaction(tx -> {
            third.set(tx);
            return insert(tx, "third");
        }));
        Thread.sleep(200); // both handed in, waiting behind the first
        release.countDown();
        CompletableFuture.allOf(first, b, c).get(10, TimeUnit.SECONDS);

        assertSame(second.get(), third.get());
        List<String> names = names();
        assertEquals("first", names.get(0));
        assertEquals(java.util.Set.of("second", "third"), java.util.Set.copyOf(names.subList(1, names.size())));
        assertEquals(3, names.size());
    }

    @Test
    void inSharedTransaction_failingPiece_undoneAloneWithItsAfterCommitActions() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = runningUntil(release);
        AtomicBoolean failedActionRan = new AtomicBoolean();
        AtomicBoolean keptActionRan = new AtomicBoolean();
        CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> db.inSharedTransaction(tx -> {
            insert(tx, "undone");
            tx.afterCommit(() -> failedActionRan.set(true));
            throw new IllegalStateException("piece fails");
        }));
        CompletableFuture<Void> kept = CompletableFuture.runAsync(() -> db.inSharedTransaction(tx -> {
            tx.afterCommit(() -> keptActionRan.set(true));
            return insert(tx, "kept");
        }));
        Thread.sleep(200);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        kept.get(10, TimeUnit.SECONDS);
        Exception e = assertThrows(Exception.class, () -> failing.get(10, TimeUnit.SECONDS));

        assertTrue(e.getCause() instanceof StorageException, e.toString());
        assertEquals(List.of("first", "kept"), names());
        assertTrue(keptActionRan.get());
        assertFalse(failedActionRan.get());
    }

    /** A shared write of "first" that has begun and holds its transaction until {@code release}. */
    private CompletableFuture<Void> runningUntil(CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inSharedTransaction(tx -> {
            running.countDown();
            release.await(10, TimeUnit.SECONDS);
            return insert(tx, "first");
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        return first;
    }

    private static Void insert(Tx tx, String name) throws Exception {
        PreparedStatement ps = JdbcTx.of(tx).statement("INSERT INTO piece (name) VALUES (?)");
        ps.setString(1, name);
        ps.executeUpdate();
        return null;
    }

    private List<String> names() {
        return db.read(tx -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                    "SELECT name FROM piece ORDER BY rowid"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
