package vn.smsgw.dispatch.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.WriterPriority;

/**
 * Writer threads that take waiting messages in groups and hand each group to a committer: many callers share one
 * transaction and one sync. While a group commits, the next one gathers, so the group size adapts to the load. With
 * several writers (PostgreSQL), their groups commit side by side, and each message goes to the writer its partition
 * key names ({@code partition}): the messages about one reported number always share a writer, so two writers never
 * queue for the row lock of the same blocklist entry, which a group holds from its vote until its commit. (When any
 * free writer took any message, the popular numbers of a wave were in nearly every group of both writers, and each
 * writer's entry upsert waited for the other's commit.) The idle work runs on the first writer only. Offers fail fast
 * when {@code capacity} messages are waiting in all (back-pressure, not unbounded memory).
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One queue per writer; a message's partition picks one. */
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final ToIntFunction<Pending> partition;
    private final int capacity;
    /** Messages offered and not yet taken by a writer, over all queues. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxBatch;
    private final Consumer<List<Pending>> committer;
    private final Runnable idleWork;
    private final Thread writer;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    private final long idleEveryNanos;

    GroupCommit(int capacity, int maxBatch, Consumer<List<Pending>> committer, Runnable idleWork,
                java.time.Duration idleEvery) {
        this(capacity, maxBatch, committer, idleWork, idleEvery, 1, p -> 0);
    }

    /**
     * {@code writerCount} writers; a message goes to writer {@code floorMod(partition(message), writerCount)}.
     */
    GroupCommit(int capacity, int maxBatch, Consumer<List<Pending>> committer, Runnable idleWork,
                java.time.Duration idleEvery, int writerCount, ToIntFunction<Pending> partition) {
        this.idleEveryNanos = idleEvery.toNanos();
        this.capacity = capacity;
        this.partition = partition;
        this.maxBatch = maxBatch;
        this.committer = committer;
        this.idleWork = idleWork;
        if (writerCount < 1) {
            throw new IllegalArgumentException("writers must be at least 1: " + writerCount);
        }
        for (int i = 1; i <= writerCount; i++) {
            BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(capacity);
            queues.add(queue);
            Thread t = new Thread(() -> run(queue), i == 1 ? "smsgw-intake-writer" : "smsgw-intake-writer-" + i);
            t.setDaemon(true);
            WriterPriority.raise(t);
            writers.add(t);
        }
        this.writer = writers.get(0);
        writers.forEach(Thread::start);
    }

    /** False when the queue is full or the writer is stopping. */
    boolean offer(Pending p) {
        if (!running) {
            return false;
        }
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            return false;
        }
        BlockingQueue<Pending> queue = queues.size() == 1 ? queues.get(0)
                : queues.get(Math.floorMod(partition.applyAsInt(p), queues.size()));
        if (!queue.offer(p)) { // cannot happen: each queue holds capacity, and no more than capacity are waiting
            waiting.decrementAndGet();
            return false;
        }
        return true;
    }

    int depth() {
        return waiting.get();
    }

    private void run(BlockingQueue<Pending> queue) {
        WriterPriority.report(log);
        List<Pending> batch = new ArrayList<>(maxBatch);
        long lastIdle = System.nanoTime();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    waiting.addAndGet(-batch.size());
                    committer.accept(batch);
                    batch.clear();
                }
                if (Thread.currentThread() == writer && System.nanoTime() - lastIdle > idleEveryNanos) {
                    lastIdle = System.nanoTime();
                    idleWork.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("intake writer: unexpected failure, {} messages answered as unavailable", batch.size(), e);
                for (Pending p : batch) {
                    p.future.complete(new IntakeResult.Unavailable("internal error", false));
                }
                batch.clear();
            }
        }
    }

    /** Stops taking messages, commits those already waiting, and stops the writer. */
    @Override
    public void close() {
        running = false;
        long deadline = System.nanoTime() + 30_000_000_000L;
        try {
            for (Thread t : writers) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (BlockingQueue<Pending> queue : queues) {
            for (Pending p; (p = queue.poll()) != null; ) {
                waiting.decrementAndGet();
                p.future.complete(new IntakeResult.Unavailable("intake stopped", true));
            }
        }
    }
}
