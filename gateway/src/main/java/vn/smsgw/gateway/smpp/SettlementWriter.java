package vn.smsgw.gateway.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.outbound.LatePart;
import vn.smsgw.dispatch.outbound.OutboundQueue;
import vn.smsgw.dispatch.outbound.Settlement;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.WriterPriority;

/**
 * Writes settlements to the queue from one thread, many per transaction (group commit), retrying while the store
 * fails; and, in the same order, the parts whose submit_sm_resp came after their message was settled UNKNOWN
 * ({@link OutboundQueue#recordLateParts}), which must follow that settlement. Thread-safe.
 */
final class SettlementWriter {
    private static final Logger log = LoggerFactory.getLogger(SettlementWriter.class);
    private static final int MAX_BATCH = 500;
    private static final long RETRY_MILLIS = 500;

    private final OutboundQueue queue;
    private final String bind;
    /** Settlements and late parts, in the order they came. */
    private final LinkedBlockingQueue<Object> pending = new LinkedBlockingQueue<>();
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

    /** A part's late submit_sm_resp, recorded after every settlement added before it. */
    void addLate(LatePart part) {
        pending.add(part);
    }

    /** Writes what is pending and stops; waits up to {@code millis}. */
    void close(long millis) throws InterruptedException {
        running = false;
        thread.join(millis);
    }

    private void run() {
        List<Object> batch = new ArrayList<>();
        while (running || !pending.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Object first = pending.poll(50, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    pending.drainTo(batch, MAX_BATCH - 1);
                }
                writeRuns(batch);
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

    /** Writes the batch's runs of settlements and of late parts in order, taking each off the batch once written. */
    private void writeRuns(List<Object> batch) {
        while (!batch.isEmpty()) {
            boolean settlements = batch.get(0) instanceof Settlement;
            int end = 1;
            while (end < batch.size() && (batch.get(end) instanceof Settlement) == settlements) {
                end++;
            }
            List<Object> run = batch.subList(0, end);
            if (settlements) {
                List<Settlement> these = run.stream().map(Settlement.class::cast).toList();
                int counted = queue.settle(these);
                if (counted < these.size()) {
                    log.warn("{}: {} of {} settlements came after their claim was taken over (lease expired)", bind,
                            these.size() - counted, these.size());
                }
            } else {
                List<LatePart> these = run.stream().map(LatePart.class::cast).toList();
                int recorded = queue.recordLateParts(these);
                if (recorded < these.size()) {
                    log.info("{}: {} of {} late submit_sm_resp not recorded: their messages had moved on", bind,
                            these.size() - recorded, these.size());
                }
            }
            run.clear();
        }
    }
}
