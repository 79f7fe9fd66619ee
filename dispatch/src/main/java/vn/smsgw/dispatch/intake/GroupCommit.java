package vn.smsgw.dispatch.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.WriterPriority;

/**
 * Writer threads that take waiting messages in groups and hand each group to a committer: many callers share one
 * transaction and one sync. While a group commits, the next one gathers, so the group size adapts to the load. With
 * several writers (PostgreSQL), each takes the messages waiting when it is free, and their groups commit side by side.
 * The idle work runs on the first writer only. Offers fail fast when {@code capacity} messages are waiting
 * (back-pressure, not unbounded memory).
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Consumer<List<Pending>> committer;
    private final Runnable idleWork;
    private final Thread writer;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    private final long idleEveryNanos;

    GroupCommit(int capacity, int maxBatch, Consumer<List<Pending>> committer, Runnable idleWork,
                java.time.Duration idleEvery) {
        this(capacity, maxBatch, committer, idleWork, idleEvery, 1);
    }

    GroupCommit(int capacity, int maxBatch, Consumer<List<Pending>> committer, Runnable idleWork,
                java.time.Duration idleEvery, int writerCount) {
        this.idleEveryNanos = idleEvery.toNanos();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.committer = committer;
        this.idleWork = idleWork;
        if (writerCount < 1) {
            throw new IllegalArgumentException("writers must be at least 1: " + writerCount);
        }
        for (int i = 1; i <= writerCount; i++) {
            Thread t = new Thread(this::run, i == 1 ? "smsgw-intake-writer" : "smsgw-intake-writer-" + i);
            t.setDaemon(true);
            WriterPriority.raise(t);
            writers.add(t);
        }
        this.writer = writers.get(0);
        writers.forEach(Thread::start);
    }

    /** False when the queue is full or the writer is stopping. */
    boolean offer(Pending p) {
        if (!running || !queue.offer(p)) {
            return false;
        }
        // close() may have stopped the writers and drained the queue between the check and the offer: take the
        // message back (if a writer or the drain took it first, they answer it)
        return running || !queue.remove(p);
    }

    int depth() {
        return queue.size();
    }

    private void run() {
        WriterPriority.report(log);
        List<Pending> batch = new ArrayList<>(maxBatch);
        long lastIdle = System.nanoTime();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
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
        for (Pending p; (p = queue.poll()) != null; ) {
            p.future.complete(new IntakeResult.Unavailable("intake stopped", true));
        }
    }
}
