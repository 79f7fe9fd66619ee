package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Deferred syncs: a ticket is durable only after a sync begun after it, actions run in order, a failed sync breaks. */
class WalSyncTest {

    /** A flush that blocks until the test lets it finish, and counts the flushes begun. */
    static final class GatedFlush implements WalSync.Flush {
        final Semaphore permits = new Semaphore(0);
        final AtomicInteger begun = new AtomicInteger();
        volatile IOException failWith;

        @Override
        public void flush() throws IOException {
            begun.incrementAndGet();
            permits.acquireUninterruptibly();
            if (failWith != null) {
                throw failWith;
            }
        }
    }

    @Test
    void await_returnsOnlyAfterASyncThatBeganAfterTheCommit() throws Exception {
        GatedFlush flush = new GatedFlush();
        try (WalSync sync = new WalSync(flush, "test-sync")) {
            long first = commit(sync);
            awaitBegun(flush, 1); // the sync covering the first commit is running
            long second = commit(sync); // committed while that sync runs: not covered by it
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> sync.await(second));

            flush.permits.release(); // the first sync ends
            sync.await(first);
            Thread.sleep(100);
            assertFalse(waiter.isDone(), "the second commit was written after the first sync began");

            awaitBegun(flush, 2);
            flush.permits.release();
            waiter.get(5, TimeUnit.SECONDS);
            assertEquals(2, sync.syncCount());
        }
    }

    @Test
    void commitsWhileASyncRuns_shareTheNextSync() throws Exception {
        GatedFlush flush = new GatedFlush();
        try (WalSync sync = new WalSync(flush, "test-sync")) {
            commit(sync);
            awaitBegun(flush, 1);
            long last = 0;
            for (int i = 0; i < 10; i++) {
                last = commit(sync);
            }
            flush.permits.release(2);
            sync.await(last);
            assertEquals(2, flush.begun.get(), "ten commits during one sync need one more sync, not ten");
        }
    }

    @Test
    void whenDurable_runsOnTheSyncThreadInTicketOrder() throws Exception {
        GatedFlush flush = new GatedFlush();
        List<Long> order = new CopyOnWriteArrayList<>();
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch all = new CountDownLatch(3);
        try (WalSync sync = new WalSync(flush, "test-sync")) {
            long[] tickets = {commit(sync), commit(sync), commit(sync)};
            for (int i : new int[] {2, 0, 1}) { // handed over out of order, as two committing threads might
                long t = tickets[i];
                sync.whenDurable(t, () -> {
                    order.add(t);
                    thread.set(Thread.currentThread().getName());
                    all.countDown();
                }, e -> { });
            }
            assertEquals(List.of(), order, "nothing runs before a sync");
            flush.permits.release(3);
            assertTrue(all.await(5, TimeUnit.SECONDS));
            assertEquals(List.of(1L, 2L, 3L), order);
            assertEquals("test-sync", thread.get());
        }
    }

    @Test
    void whenDurable_forATicketAlreadySynced_stillRuns() throws Exception {
        GatedFlush flush = new GatedFlush();
        flush.permits.release(100);
        CountDownLatch ran = new CountDownLatch(1);
        try (WalSync sync = new WalSync(flush, "test-sync")) {
            long t = commit(sync);
            sync.await(t); // the sync covering it is over before the action is handed over
            sync.whenDurable(t, ran::countDown, e -> { });
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            assertEquals(1, flush.begun.get(), "no second sync for a covered ticket");
        }
    }

    @Test
    void whenDurable_anActionThatThrows_doesNotStopTheOthers() throws Exception {
        GatedFlush flush = new GatedFlush();
        flush.permits.release(100);
        CountDownLatch later = new CountDownLatch(1);
        try (WalSync sync = new WalSync(flush, "test-sync")) {
            long t = commit(sync);
            sync.whenDurable(t, () -> {
                throw new AssertionError("a failing action");
            }, e -> { });
            sync.whenDurable(t, later::countDown, e -> { });
            assertTrue(later.await(5, TimeUnit.SECONDS));
            long next = commit(sync);
            sync.await(next); // the sync thread is still there
        }
    }

    @Test
    void failedSync_refusesFurtherCommits() throws Exception {
        GatedFlush flush = new GatedFlush();
        flush.failWith = new IOException("EIO");
        flush.permits.release(10);
        try (WalSync sync = new WalSync(flush, "test-sync")) {
            sync.checkUsable();
            long t = commit(sync);
            assertThrows(StorageException.class, () -> sync.await(t));
            assertThrows(StorageException.class, sync::checkUsable);
        }
    }

    @Test
    void failedSync_failsWaitingAndLaterTickets() throws Exception {
        GatedFlush flush = new GatedFlush();
        flush.failWith = new IOException("EIO");
        AtomicReference<StorageException> lost = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        try (WalSync sync = new WalSync(flush, "test-sync")) {
            long t = commit(sync);
            sync.whenDurable(t, () -> { }, e -> {
                lost.set(e);
                failed.countDown();
            });
            flush.permits.release(10);
            assertTrue(failed.await(5, TimeUnit.SECONDS));
            assertTrue(lost.get().getMessage().contains("EIO"));
            assertThrows(StorageException.class, () -> sync.await(t));
            long later = commit(sync);
            assertThrows(StorageException.class, () -> sync.await(later), "the store stays broken");
            AtomicReference<StorageException> lostLater = new AtomicReference<>();
            sync.whenDurable(later, () -> { }, lostLater::set);
            assertTrue(lostLater.get() != null);
        }
    }

    @Test
    void awaitOnTheSyncThread_syncsInPlaceInsteadOfDeadlocking() throws Exception {
        GatedFlush flush = new GatedFlush();
        flush.permits.release(100);
        CountDownLatch done = new CountDownLatch(1);
        try (WalSync sync = new WalSync(flush, "test-sync")) {
            long t = commit(sync);
            sync.whenDurable(t, () -> {
                long inner = commit(sync); // an action that commits and waits, as a future's dependent might
                sync.await(inner);
                done.countDown();
            }, e -> { });
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void awaitVisible_coversACommitWhoseTicketIsNotTakenYet() throws Exception {
        GatedFlush flush = new GatedFlush();
        flush.permits.release(100);
        try (WalSync sync = new WalSync(flush, "test-sync")) {
            sync.committing(); // a COMMIT in progress: a reader may already see it
            CompletableFuture<Void> reader = CompletableFuture.runAsync(sync::awaitVisible);
            Thread.sleep(100);
            assertFalse(reader.isDone(), "the reader waits for the commit it may have seen");
            sync.committed();
            reader.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void close_syncsWhatIsLeftAndLaterWaitsSyncInPlace() {
        AtomicInteger flushes = new AtomicInteger();
        WalSync sync = new WalSync(flushes::incrementAndGet, "test-sync");
        long t = commit(sync);
        sync.close();
        assertEquals(1, flushes.get(), "close syncs what was committed");
        sync.await(t);
        assertEquals(1, flushes.get());
        long after = commit(sync);
        sync.await(after); // no sync thread any more: synced by the caller
        assertEquals(2, flushes.get());
        CountDownLatch ran = new CountDownLatch(1);
        sync.whenDurable(commit(sync), ran::countDown, e -> { });
        assertEquals(0, ran.getCount(), "after close an action runs at once, after a sync in place");
        assertEquals(3, flushes.get());
    }

    private static long commit(WalSync sync) {
        sync.committing();
        return sync.committed();
    }

    private static void awaitBegun(GatedFlush flush, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (flush.begun.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sync " + n + " did not begin");
            }
            Thread.sleep(5);
        }
    }
}
