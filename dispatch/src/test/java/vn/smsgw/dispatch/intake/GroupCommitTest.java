package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        return Pending.part(new InboundPart("84912345678", "156", "smsc", Instant.EPOCH, n, 2, 1, "x", false), "h" + n);
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
        GroupCommit gc = new GroupCommit(100, 10, committer, () -> { }, Duration.ofMinutes(1), 2,
                p -> p.part.ref());
        try {
            Pending first = pending(1);
            assertTrue(gc.offer(first));
            assertTrue(firstInCommit.await(10, TimeUnit.SECONDS));
            Pending second = pending(2);
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
        }, () -> { }, Duration.ofMinutes(1), 3, Pending::partitionKey);
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
    void writers_fewerThanOne_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new GroupCommit(10, 10, batch -> { }, () -> { }, Duration.ofMinutes(1), 0, p -> 0));
    }

    @Test
    void severalWriters_messagesOfOnePartitionAlwaysShareAWriter() throws Exception {
        Map<Integer, Set<String>> writersByKey = new ConcurrentHashMap<>();
        GroupCommit gc = new GroupCommit(1_000, 4, batch -> {
            batch.forEach(p -> writersByKey.computeIfAbsent(p.part.ref() % 5, k -> ConcurrentHashMap.newKeySet())
                    .add(Thread.currentThread().getName()));
            batch.forEach(p -> p.future.complete(STORED));
        }, () -> { }, Duration.ofMinutes(1), 3, p -> p.part.ref() % 5);
        try {
            List<Pending> all = java.util.stream.IntStream.range(0, 300).mapToObj(GroupCommitTest::pending).toList();
            all.forEach(p -> assertTrue(gc.offer(p)));
            for (Pending p : all) {
                assertEquals(STORED, p.future.get(10, TimeUnit.SECONDS));
            }
        } finally {
            gc.close();
        }
        assertEquals(5, writersByKey.size());
        writersByKey.forEach((key, names) -> assertEquals(1, names.size(), "key " + key + " went to " + names));
        Set<String> used = new java.util.HashSet<>();
        writersByKey.values().forEach(used::addAll);
        assertEquals(3, used.size(), "keys 0..4 spread over all three writers: " + used);
    }

    @Test
    void capacity_countsTheMessagesWaitingForEveryWriter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(2);
        GroupCommit gc = new GroupCommit(4, 1, batch -> {
            blocked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batch.forEach(p -> p.future.complete(STORED));
        }, () -> { }, Duration.ofMinutes(1), 2, p -> p.part.ref());
        try {
            // one message in each writer's commit, then four waiting: two per writer
            assertTrue(gc.offer(pending(0)));
            assertTrue(gc.offer(pending(1)));
            assertTrue(blocked.await(10, TimeUnit.SECONDS));
            for (int i = 2; i < 6; i++) {
                assertTrue(gc.offer(pending(i)), "message " + i);
            }
            assertEquals(4, gc.depth());
            assertFalse(gc.offer(pending(6)), "a fifth waiting message is refused");
            assertFalse(gc.offer(pending(7)), "whichever writer it is for");
        } finally {
            release.countDown();
            gc.close();
        }
        assertEquals(0, gc.depth());
    }
}
