package vn.smsgw.gateway.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.outbound.OutboundQueue;
import vn.smsgw.dispatch.outbound.Settlement;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.WriterPriority;

/**
 * Writes settlements to the queue from one thread, many per transaction (group commit), retrying while the store
 * fails. Thread-safe.
 */
final class SettlementWriter {
    private static final Logger log = LoggerFactory.getLogger(SettlementWriter.class);
    private static final int MAX_BATCH = 500;
    private static final long RETRY_MILLIS = 500;

    private final OutboundQueue queue;
    private final String bind;
    private final LinkedBlockingQueue<Settlement> pending = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    SettlementWriter(OutboundQueue queue, String bind) {
        this.queue = queue;
        this.bind = bind;
        this.thread = new Thread(this::run, "smsgw-mt-settle-" + bind);
        this.thread.setDaemon(true);
        WriterPriority.raise(thread);
    }

    void start() {
        thread.start();
    }

    void add(Settlement settlement) {
        pending.add(settlement);
    }

    /** Writes what is pending and stops; waits up to {@code millis}. */
    void close(long millis) throws InterruptedException {
        running = false;
        thread.join(millis);
    }

    private void run() {
        List<Settlement> batch = new ArrayList<>();
        while (running || !pending.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Settlement first = pending.poll(50, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    pending.drainTo(batch, MAX_BATCH - 1);
                }
                int counted = queue.settle(batch);
                if (counted < batch.size()) {
                    log.warn("{}: {} of {} settlements came after their claim was taken over (lease expired)", bind,
                            batch.size() - counted, batch.size());
                }
                batch.clear();
            } catch (StorageException e) {
                log.warn("{}: cannot record {} submit outcomes, retrying: {}", bind, batch.size(), e.getMessage());
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
