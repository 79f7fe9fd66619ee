package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * The deliver_sm_resp of one group commit become due together: intake's sync thread completes the futures of every MO
 * of the group in a row. Written one by one, each was a write(2) of 17 bytes and a TCP segment the SMSC reads on its
 * own (async-profiler, smsgw bench inbound: jsmpp's writeAndFlush of these answers was 4.1 % of the CPU samples outside
 * the compiler threads). This writer runs the tasks handed to it one after another on one thread, in batches: a batch
 * takes every task handed in so far and the ones handed in while it runs, with the session's stream corked
 * (CorkableOutput), and uncorks it when no task is left, so the answers of a group leave in a few writes.
 */
/**
 * Runs tasks one at a time, in the order handed in, on {@code thread}; each batch of tasks with the session's output
 * corked. A task that throws is logged; the next runs. If {@code thread} refuses work, the batch runs on the caller.
 * Thread-safe.
 */
final class CorkingWriter implements Executor {
    private static final Logger log = LoggerFactory.getLogger(CorkingWriter.class);
    /** Tasks at most between two writes: about 4 KiB of deliver_sm_resp. */
    static final int MAX_BATCH = 256;

    private final Executor thread;
    private final Supplier<CorkableOutput> output;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** Runs on {@code thread}, corking the output {@code output} gives when a batch begins (null: none yet). */
    CorkingWriter(Executor thread, Supplier<CorkableOutput> output) {
        this.thread = Objects.requireNonNull(thread, "thread");
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(Objects.requireNonNull(task, "task"));
        schedule();
    }

    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return; // the batch running now, or about to, takes the task
        }
        try {
            thread.execute(this::drain);
        } catch (RejectedExecutionException e) {
            drain(); // on this thread
        } catch (RuntimeException | Error e) {
            // no thread for the batch (one could not be started): the next task handed in tries again
            scheduled.set(false);
            throw e;
        }
    }

    /**
     * Runs batches, holding the flag, until no task waits; a task handed in after the last poll of a batch and before
     * the flag was cleared is taken by the next round here, or by its own schedule if that took the flag first.
     */
    private void drain() {
        do {
            try {
                runBatch();
            } finally {
                scheduled.set(false);
            }
        } while (!tasks.isEmpty() && scheduled.compareAndSet(false, true));
    }

    private void runBatch() {
        CorkableOutput out = output.get();
        int inBatch = 0;
        try {
            if (out != null) {
                out.cork();
            }
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("an answer task failed", e);
                }
                if (++inBatch == MAX_BATCH && out != null) {
                    uncork(out); // the first answers of a long run do not wait for the last
                    out.cork();
                    inBatch = 0;
                }
            }
        } finally {
            uncork(out);
        }
    }

    private static void uncork(CorkableOutput out) {
        if (out == null) {
            return;
        }
        try {
            out.uncork();
        } catch (IOException | RuntimeException e) {
            // the connection is gone: the SMSC redelivers what these answers were for
            log.info("answers not written (the SMSC redelivers their deliver_sm): {}", e.toString());
        }
    }
}
