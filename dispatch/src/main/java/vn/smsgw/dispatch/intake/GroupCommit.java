package vn.smsgw.dispatch.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.WriterPriority;

/**
 * Writer threads that take waiting messages in groups and hand each group to a committer: many callers share one
 * transaction and one sync. While a group commits, the next one gathers, so the group size adapts to the load. With
 * several writers (PostgreSQL), their groups commit side by side, and each message goes to the writer its shard key
 * names: messages that would lock the same rows (one reported number's blocklist entry, one reporter's parts) stay
 * with one writer, so two writers' groups do not wait for each other's commit. The idle work runs on the only writer,
 * or, with several, on a thread of its own, so that no writer's messages wait for it. Offers fail fast when the
 * message's writer has its share of {@code capacity} waiting (back-pressure, not unbounded memory).
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One queue per writer. */
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final ToIntFunction<Pending> shardKey;
    private final int maxBatch;
    private final Consumer<List<Pending>> committer;
    private final Runnable idleWork;
    /** The writer that also runs the idle work, or null when a thread of its own does. */
    private final Thread writer;
    private final List<Thread> writers = new ArrayList<>();
    /** Runs the idle work when there are several writers, else null. */
    private final ScheduledExecutorService housekeeper;
    private volatile boolean running = true;

    private final long idleEveryNanos;

    GroupCommit(int capacity, int maxBatch, Consumer<List<Pending>> committer, Runnable idleWork,
                java.time.Duration idleEvery) {
        this(capacity, maxBatch, committer, idleWork, idleEvery, 1, p -> 0);
    }

    /** {@code shardKey}: messages with equal keys go to one writer; any int, spread over the writers here. */
    GroupCommit(int capacity, int maxBatch, Consumer<List<Pending>> committer, Runnable idleWork,
                java.time.Duration idleEvery, int writerCount, ToIntFunction<Pending> shardKey) {
        this.idleEveryNanos = idleEvery.toNanos();
        this.maxBatch = maxBatch;
        this.committer = committer;
        this.idleWork = idleWork;
        this.shardKey = shardKey;
        if (writerCount < 1) {
            throw new IllegalArgumentException("writers must be at least 1: " + writerCount);
        }
        int share = Math.max(1, capacity / writerCount);
        for (int i = 1; i <= writerCount; i++) {
            BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(share);
            queues.add(queue);
            Thread t = new Thread(() -> run(queue), i == 1 ? "smsgw-intake-writer" : "smsgw-intake-writer-" + i);
            t.setDaemon(true);
            WriterPriority.raise(t);
            writers.add(t);
        }
        if (writerCount == 1) {
            this.writer = writers.get(0);
            this.housekeeper = null;
        } else {
            this.writer = null;
            this.housekeeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "smsgw-intake-housekeeping");
                t.setDaemon(true);
                WriterPriority.keepNormal(t);
                return t;
            });
        }
        writers.forEach(Thread::start);
        if (housekeeper != null) {
            housekeeper.scheduleWithFixedDelay(this::houseKeep, idleEveryNanos, idleEveryNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** False when the queue is full or the writer is stopping. */
    boolean offer(Pending p) {
        BlockingQueue<Pending> queue = queueOf(p);
        if (!running || !queue.offer(p)) {
            return false;
        }
        // close() may have stopped the writers and drained the queue between the check and the offer: take the
        // message back (if a writer or the drain took it first, they answer it)
        return running || !queue.remove(p);
    }

    private BlockingQueue<Pending> queueOf(Pending p) {
        return queues.get(writerOf(p));
    }

    /** The index of the writer that commits {@code p}, from 0. */
    int writerOf(Pending p) {
        if (queues.size() == 1) {
            return 0;
        }
        // every bit of the key reaches the low bits the modulo keeps (MurmurHash3's finaliser)
        int h = shardKey.applyAsInt(p);
        h = (h ^ (h >>> 16)) * 0x85EBCA6B;
        h = (h ^ (h >>> 13)) * 0xC2B2AE35;
        return Math.floorMod(h ^ (h >>> 16), queues.size());
    }

    int depth() {
        int n = 0;
        for (BlockingQueue<Pending> q : queues) {
            n += q.size();
        }
        return n;
    }

    /** How many writers have their share of the capacity waiting: their messages are refused until they catch up. */
    int fullQueues() {
        int n = 0;
        for (BlockingQueue<Pending> q : queues) {
            if (q.remainingCapacity() == 0) {
                n++;
            }
        }
        return n;
    }

    private void houseKeep() {
        try {
            idleWork.run();
        } catch (RuntimeException | Error e) {
            // caught, or the executor would never run it again: nothing else sweeps the parts and the dedupe keys
            log.error("intake housekeeping: unexpected failure", e);
        }
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
            } catch (RuntimeException | Error e) {
                // the writer stays: with several, its messages have no other writer to go to
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
            if (housekeeper != null) {
                housekeeper.shutdown(); // a run under way finishes; no other starts
                housekeeper.awaitTermination(30, TimeUnit.SECONDS);
            }
            for (Thread t : writers) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (BlockingQueue<Pending> queue : queues) {
            for (Pending p; (p = queue.poll()) != null; ) {
                p.future.complete(new IntakeResult.Unavailable("intake stopped", true));
            }
        }
    }
}
