package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private static final IntakeResult STORED = new IntakeResult.PartStored(false);

    private static Pending pending(int n) {
        return Pending.part(new InboundPart("84912345678", "156", "smsc", Instant.EPOCH,
                new ConcatKey(ConcatScheme.SAR, n, 2), 1, new PartContent.Binary("78")), "h" + n);
    }

    /** A committer that holds each group until {@code release}, then stores it. */
    private static Consumer<List<Pending>> storedOnRelease(CountDownLatch release) {
        return batch -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batch.forEach(p -> p.future.complete(STORED));
        };
    }

    private static int key(Pending p) {
        return Integer.parseInt(p.dedupeKey.substring(1));
    }

    @Test
    void twoWriters_secondGroupCommitsWhileTheFirstIsStillCommitting() throws Exception {
        CountDownLatch firstInCommit = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicInteger groups = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Consumer<List<Pending>> committer = batch -> {
            threads.add(Thread.currentThread().getName());
            if (groups.getAndIncrement() == 0) {
                firstInCommit.countDown();
                try {
                    assertTrue(secondDone.await(10, TimeUnit.SECONDS), "the other writer committed meanwhile");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                secondDone.countDown();
            }
            batch.forEach(p -> p.future.complete(STORED));
        };
        GroupCommit gc = new GroupCommit(100, 10, committer, () -> { }, Duration.ofMinutes(1), 2, GroupCommitTest::key);
        try {
            Pending first = pending(1);
            assertTrue(gc.offer(first));
            assertTrue(firstInCommit.await(10, TimeUnit.SECONDS));
            Pending second = java.util.stream.IntStream.range(2, 100).mapToObj(GroupCommitTest::pending)
                    .filter(p -> gc.writerOf(p) != gc.writerOf(first)).findFirst().orElseThrow();
            assertTrue(gc.offer(second));

            assertEquals(STORED, second.future.get(10, TimeUnit.SECONDS));
            assertEquals(STORED, first.future.get(10, TimeUnit.SECONDS));
            assertEquals(Set.of("smsgw-intake-writer", "smsgw-intake-writer-2"), threads);
        } finally {
            gc.close();
        }
    }

    @Test
    void close_withSeveralWriters_commitsWhatWasWaitingAndStopsThemAll() throws Exception {
        AtomicInteger committed = new AtomicInteger();
        GroupCommit gc = new GroupCommit(1_000, 10, batch -> {
            committed.addAndGet(batch.size());
            batch.forEach(p -> p.future.complete(STORED));
        }, () -> { }, Duration.ofMinutes(1), 3, GroupCommitTest::key);
        List<Pending> all = java.util.stream.IntStream.range(0, 200).mapToObj(GroupCommitTest::pending).toList();
        all.forEach(p -> assertTrue(gc.offer(p)));
        gc.close();
        for (Pending p : all) {
            assertEquals(STORED, p.future.get(10, TimeUnit.SECONDS));
        }
        assertEquals(200, committed.get());
        assertFalse(gc.offer(pending(999)), "no offers after close");
    }

    @Test
    void severalWriters_idleWorkOnAThreadOfItsOwn_whileEveryWriterIsBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch idleRan = new CountDownLatch(2);
        Set<String> idleThreads = ConcurrentHashMap.newKeySet();
        GroupCommit gc = new GroupCommit(100, 10, storedOnRelease(release), () -> {
            idleThreads.add(Thread.currentThread().getName());
            idleRan.countDown();
            if (idleRan.getCount() == 1) {
                throw new StackOverflowError("the first run fails; the thread goes on");
            }
        }, Duration.ofMillis(20), 2, GroupCommitTest::key);
        try {
            // both writers held in a commit: the idle work still runs, twice, though its first run failed
            Pending first = pending(1);
            Pending second = java.util.stream.IntStream.range(2, 100).mapToObj(GroupCommitTest::pending)
                    .filter(p -> gc.writerOf(p) != gc.writerOf(first)).findFirst().orElseThrow();
            assertTrue(gc.offer(first));
            assertTrue(gc.offer(second));
            assertTrue(idleRan.await(10, TimeUnit.SECONDS), "idle work ran while the writers were busy");
            assertEquals(Set.of("smsgw-intake-housekeeping"), idleThreads);
        } finally {
            release.countDown();
            gc.close();
        }
    }

    @Test
    void writer_errorInACommit_answersItsGroupAndKeepsTakingMessages() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit gc = new GroupCommit(100, 1, batch -> {
            if (calls.getAndIncrement() == 0) {
                throw new StackOverflowError("deep");
            }
            batch.forEach(p -> p.future.complete(STORED));
        }, () -> { }, Duration.ofMinutes(1), 2, p -> 3);
        try {
            Pending failed = pending(1);
            assertTrue(gc.offer(failed));
            assertInstanceOf(IntakeResult.Unavailable.class, failed.future.get(10, TimeUnit.SECONDS));
            Pending next = pending(2);
            assertTrue(gc.offer(next));
            assertEquals(STORED, next.future.get(10, TimeUnit.SECONDS), "the same writer, still running");
        } finally {
            gc.close();
        }
    }

    @Test
    void writers_fewerThanOne_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new GroupCommit(10, 10, batch -> { }, () -> { }, Duration.ofMinutes(1), 0, p -> 0));
    }

    @Test
    void severalWriters_equalKeysGoToOneWriter_distinctKeysSpreadOverAll() throws Exception {
        Map<Integer, Set<String>> writersByKey = new ConcurrentHashMap<>();
        GroupCommit gc = new GroupCommit(1_000, 10, batch -> {
            for (Pending p : batch) {
                writersByKey.computeIfAbsent(key(p) % 20, k -> ConcurrentHashMap.newKeySet())
                        .add(Thread.currentThread().getName());
                p.future.complete(STORED);
            }
        }, () -> { }, Duration.ofMinutes(1), 3, p -> key(p) % 20);
        try {
            List<Pending> all = java.util.stream.IntStream.range(0, 400).mapToObj(GroupCommitTest::pending).toList();
            for (Pending p : all) {
                assertTrue(gc.offer(p));
            }
            for (Pending p : all) {
                assertEquals(STORED, p.future.get(10, TimeUnit.SECONDS));
            }
        } finally {
            gc.close();
        }
        assertEquals(20, writersByKey.size());
        writersByKey.forEach((k, names) -> assertEquals(1, names.size(), "key " + k + " committed by " + names));
        Set<String> used = new java.util.HashSet<>();
        writersByKey.values().forEach(used::addAll);
        assertEquals(Set.of("smsgw-intake-writer", "smsgw-intake-writer-2", "smsgw-intake-writer-3"), used);
    }

    @Test
    void offer_refusedWhenTheMessagesWriterHasItsShareWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit gc = new GroupCommit(4, 1, storedOnRelease(release), () -> { }, Duration.ofMinutes(1), 2, p -> 7);
        try {
            // every message goes to one writer: one in its commit, then its share of the capacity (2) waiting
            assertTrue(gc.offer(pending(1)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (gc.depth() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(gc.offer(pending(2)));
            assertTrue(gc.offer(pending(3)));
            assertFalse(gc.offer(pending(4)), "its share is full, though the other writer's queue is empty");
            assertEquals(2, gc.depth());
            assertEquals(1, gc.fullQueues());
        } finally {
            release.countDown();
            gc.close();
        }
    }
}
