package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        GroupCommit gc = new GroupCommit(100, 10, committer, () -> { }, Duration.ofMinutes(1), 2);
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
        }, () -> { }, Duration.ofMinutes(1), 3);
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
                () -> new GroupCommit(10, 10, batch -> { }, () -> { }, Duration.ofMinutes(1), 0));
    }
}
