package vn.smsgw.gateway.smpp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.outbound.OutboundQueue;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.outbound.ReceiptUpdate;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.WriterPriority;

/**
 * Applies delivery receipts to the outbound queue. {@link #take} hands a receipt over and completes once it is
 * committed (the MO listener answers the deliver_sm then); {@link #onReceipt} waits for that. Thread-safe; owns one writer thread, started
 * at construction; close it at shutdown.
 */
public final class ReceiptHandler implements AutoCloseable {

    /*
     * The receipt is looked up by MessageIds.key of its id alone (the receipted_message_id TLV when present), scoped by
     * the SMSC it came from; the submitter stored every MessageIds.matchKeys form of each part's id, scoped by the
     * SMSC it went to, so hex and decimal ids meet and ids of two SMSCs never do. A final
     * receipt maps onto the part states: DELIVERED (ACCEPTED too: read on the subscriber's behalf), EXPIRED,
     * REJECTED, and UNDELIVERABLE for UNDELIV, DELETED and a final UNKNOWN.
     *
     * Group commit: callers hand their receipt to one writer thread; the writer applies whatever has
     * gathered in one transaction. One commit per receipt would cap a bind at one receipt per commit latency per
     * jsmpp PDU thread, and those threads also process the submit_sm_resp the submitter waits for. A store failure
     * fails the receipt's future, so the listener answers the deliver_sm with a temporary error and the SMSC sends
     * the receipt again (applying a receipt twice changes nothing). How long an answer may wait is the listener's
     * bound (the SMSC's commitTimeout), not this handler's: one timer per receipt, not two.
     */

    private static final Logger log = LoggerFactory.getLogger(ReceiptHandler.class);
    private static final long RECORD_TIMEOUT_SECONDS = 10;
    private static final int MAX_BATCH = 500;

    private record Pending(ReceiptUpdate update, CompletableFuture<OptionalLong> done) {
    }

    private final OutboundQueue queue;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failed;
    private final Counter unmatched;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    /** A handler writing to {@code queue}, counting on {@code registry}; starts its writer thread. */
    public ReceiptHandler(OutboundQueue queue, Clock clock, MeterRegistry registry) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delivered = Counter.builder("smsgw.mt.delivered").description("final receipts reporting a part delivered")
                .register(registry);
        this.failed = Counter.builder("smsgw.mt.undelivered")
                .description("final receipts reporting a part not delivered").register(registry);
        this.unmatched = Counter.builder("smsgw.mt.receipts.unmatched")
                .description("receipts that matched no part when they arrived (kept a few minutes for it)")
                .register(registry);
        this.writer = new Thread(this::write, "smsgw-mt-receipts");
        this.writer.setDaemon(true);
        WriterPriority.raise(writer);
        this.writer.start();
    }

    /**
     * Records the receipt against its message; returns once it is committed.
     *
     * @throws StorageException when the store fails or is too slow; answer the deliver_sm with a temporary error
     */
    public void onReceipt(String smsc, DeliveryReceipt receipt) {
        try {
            take(smsc, receipt).get(RECORD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new StorageException("receipt not recorded within " + RECORD_TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StorageException se ? se
                    : new StorageException("receipt not recorded: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while recording a receipt", e);
        }
    }

    /**
     * Hands the receipt to the writer; the future completes once it is committed, or fails with a
     * {@link StorageException} when the store fails (then answer the deliver_sm with a temporary error). It sets no
     * deadline of its own: the caller bounds its wait.
     */
    public CompletableFuture<OptionalLong> take(String smsc, DeliveryReceipt receipt) {
        OutboundState state = state(receipt);
        String error = receipt.error().isEmpty() && state.isDeliveryFailure()
                ? receipt.state().name() : receipt.error();
        String key = MessageIds.key(smsc, receipt.messageId());
        ReceiptUpdate update = new ReceiptUpdate(key, state, error, clock.instant(),
                receipt.subscriber().startsWith("+") ? receipt.subscriber().substring(1) : receipt.subscriber(),
                receipt.sender());
        if (!running) {
            return CompletableFuture.failedFuture(new StorageException("receipt handler closed"));
        }
        CompletableFuture<OptionalLong> done = new CompletableFuture<>();
        Pending handed = new Pending(update, done);
        pending.add(handed);
        if (!running && pending.remove(handed)) {
            // closed between the check and the add: the writer may have ended without it
            done.completeExceptionally(new StorageException("receipt handler closed"));
        }
        return done.handle((match, failure) -> {
            if (failure != null) {
                Throwable cause = Futures.cause(failure);
                throw cause instanceof StorageException se ? se
                        : new StorageException("receipt not recorded: " + cause, cause);
            }
            counted(state, key, receipt, match);
            return match;
        });
    }

    private void counted(OutboundState state, String key, DeliveryReceipt receipt, OptionalLong match) {
        if (state == OutboundState.DELIVERED) {
            delivered.increment();
        } else if (state.isDeliveryFailure()) {
            failed.increment();
        }
        if (match.isEmpty()) {
            unmatched.increment();
            log.debug("receipt for SMSC message id {} ({}) matches no part yet", key, receipt.state());
        } else {
            log.debug("receipt {} for outbound {} (SMSC message id {})", receipt.state(), match.getAsLong(), key);
        }
    }

    /** Stops the writer once the receipts handed to it are written. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(RECORD_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        try {
            writeUntilClosed();
        } finally {
            // none left waiting: answered with a temporary error, the SMSC sends them again
            for (Pending p = pending.poll(); p != null; p = pending.poll()) {
                p.done().completeExceptionally(new StorageException("receipt handler closed"));
            }
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>();
        while (running || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                List<ReceiptUpdate> updates = batch.stream().map(Pending::update).toList();
                List<OptionalLong> matched = queue.applyReceipts(updates);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(matched.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("cannot record {} delivery receipts: {}", batch.size(), e.getMessage());
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    static OutboundState state(DeliveryReceipt receipt) {
        if (!receipt.isFinal()) {
            return OutboundState.SUBMITTED;
        }
        return switch (receipt.state()) {
            case DELIVERED, ACCEPTED -> OutboundState.DELIVERED;
            case EXPIRED -> OutboundState.EXPIRED;
            case REJECTED -> OutboundState.REJECTED;
            case ENROUTE -> OutboundState.SUBMITTED;
            case UNDELIVERABLE, DELETED, UNKNOWN -> OutboundState.UNDELIVERABLE;
        };
    }
}
