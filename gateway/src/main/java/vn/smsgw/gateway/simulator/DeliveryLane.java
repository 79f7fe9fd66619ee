package vn.smsgw.gateway.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.gateway.smpp.PipelinedRequests;
import vn.smsgw.gateway.smpp.ResponseDeadlines;

/*
 * How a real SMSC treats a deliver_sm, which is what the tests of an ESME need to rely on: it counts as delivered
 * only when the ESME answered ESME_ROK. A temporary error (throttled, queue full, temporary application error), no
 * response within the timeout, or a session that is gone keeps it: it goes back to a delay queue and is sent again
 * after the retry delay, on whatever receiver is bound then, until it is acknowledged or the attempts run out. Any
 * other status is a permanent rejection.
 *
 * One sender thread writes the deliver_sm without waiting for their responses (PipelinedServerSession), up to the
 * window in flight; each response settles its delivery on jsmpp's PDU thread and frees a place in the window. The
 * sender takes a due redelivery first, else a new delivery from the feed, and times out unanswered ones itself. With
 * a thread per place in the window, as before, every response woke a parked thread: with the 300 receipt and 100 MO
 * senders of the MO benchmark, the simulator's senders took 21 % of its CPU samples, half of it parking and waking.
 */
/** Sends deliver_sm from a feed with a fixed window in flight and SMSC-style redelivery. */
final class DeliveryLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLane.class);
    /*
     * The sender waits at most this long for a place in the window or for a redelivery before it times out overdue
     * responses and looks at the feed again; a response or a new redelivery wakes it at once.
     */
    private static final long TICK_MILLIS = 10;
    private static final long RECEIVER_WAIT_MILLIS = 100;

    private final DeliveryFeed feed;
    private final SessionRegistry registry;
    private final DeliveryCounters counters;
    private final Pacer pacer;
    private final long retryDelayNanos;
    private final int maxAttempts;
    private final Semaphore window;
    private final long responseTimeoutNanos;
    private final ResponseDeadlines deadlines;
    private final DelayQueue<Delivery> due = new DelayQueue<>();
    private final Thread sender;
    private final boolean paced;
    /** The sessions this sender has corked since it last waited (its thread only). */
    private final List<BoundSession> corked = new ArrayList<>(4);
    private volatile boolean closed;

    DeliveryLane(LaneSettings settings, DeliveryFeed feed, SessionRegistry registry, DeliveryCounters counters) {
        this.feed = feed;
        this.registry = registry;
        this.counters = counters;
        this.pacer = new Pacer(settings.ratePerSecond(), settings.ticker());
        this.paced = settings.ratePerSecond() != 0;
        this.retryDelayNanos = settings.retryDelay().toNanos();
        this.maxAttempts = settings.maxAttempts();
        this.window = new Semaphore(settings.window());
        this.responseTimeoutNanos = settings.responseTimeout().toNanos();
        this.deadlines = new ResponseDeadlines(settings.ticker());
        this.sender = new Thread(this::run, settings.name());
        this.sender.setDaemon(true);
    }

    void start() {
        sender.start();
    }

    /** Queues a delivery to be sent once its delay has passed. */
    void schedule(Delivery delivery) {
        due.put(delivery);
    }

    /** Stops the sender; deliveries still queued or in flight stay unfinished. */
    @Override
    public void close() {
        closed = true;
        sender.interrupt();
    }

    /** Waits up to {@code millis} for the sender thread to end. */
    void join(long millis) throws InterruptedException {
        sender.join(millis);
    }

    private void run() {
        try {
            while (!closed && !feed.finished()) {
                deadlines.expire();
                if (!window.tryAcquire()) {
                    uncorkAll(); // what was written goes out before the sender waits
                    if (!window.tryAcquire(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                }
                Delivery delivery = due.poll();
                if (delivery == null) {
                    delivery = feed.poll();
                }
                if (delivery == null) {
                    uncorkAll();
                    delivery = due.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                }
                if (delivery == null) {
                    window.release();
                } else {
                    send(delivery);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Sender {} stopped", Thread.currentThread().getName(), e);
        } finally {
            uncorkAll();
        }
    }

    /**
     * Corks {@code session} for this sender until it next waits, so that a run of deliver_sm leaves in one write
     * instead of one each (CorkableOutput). Only an unpaced lane: a paced one waits between its deliver_sm. A
     * deliver_sm's ack latency and response deadline still count from its write, so they include its wait for the end
     * of the run; a write that fails at the end of a run closes the session, and its deliver_sm time out and go again.
     */
    private void corkForRun(BoundSession session) {
        if (!paced && !corked.contains(session)) {
            session.cork();
            corked.add(session);
        }
    }

    private void uncorkAll() {
        for (BoundSession session : corked) {
            session.uncork();
        }
        corked.clear();
    }

    /** Sends the delivery holding a place in the window, which its outcome gives back. */
    private void send(Delivery delivery) throws InterruptedException {
        BoundSession session = registry.awaitReceiver(delivery.systemId, 0);
        if (session == null) {
            uncorkAll();
            session = registry.awaitReceiver(delivery.systemId, RECEIVER_WAIT_MILLIS);
        }
        if (session == null) {
            due.put(delivery);
            window.release();
            return;
        }
        pacer.acquire();
        corkForRun(session);
        if (++delivery.attempts > 1) {
            counters.redelivered.increment();
        }
        counters.sent.increment();
        long start = System.nanoTime();
        PipelinedRequests.Request request;
        try {
            request = session.deliver(delivery.pdu);
        } catch (IOException e) {
            counters.connectionErrors.increment();
            retry(delivery);
            window.release();
            return;
        } catch (PDUException e) {
            log.error("Cannot compose deliver_sm, giving it up", e);
            counters.givenUp.increment();
            feed.givenUp(delivery);
            window.release();
            return;
        }
        deadlines.track(request, responseTimeoutNanos);
        request.response().whenComplete((response, failure) -> {
            try {
                if (failure == null) {
                    counters.ackLatencies.record(System.nanoTime() - start);
                    counters.acked.increment();
                    feed.acked(delivery);
                } else {
                    failed(delivery, failure);
                }
            } finally {
                window.release();
            }
        });
    }

    private void failed(Delivery delivery, Throwable failure) {
        if (failure instanceof NegativeResponseException e) {
            int status = e.getCommandStatus();
            counters.error(status);
            if (isTemporary(status)) {
                retry(delivery);
            } else {
                feed.rejected(delivery, status);
            }
        } else if (failure instanceof ResponseTimeoutException) {
            counters.timeouts.increment();
            retry(delivery);
        } else if (failure instanceof InvalidResponseException) {
            counters.connectionErrors.increment();
            retry(delivery);
        } else {
            log.error("deliver_sm failed unexpectedly, retrying it", failure);
            counters.connectionErrors.increment();
            retry(delivery);
        }
    }

    private void retry(Delivery delivery) {
        if (delivery.attempts >= maxAttempts) {
            counters.givenUp.increment();
            feed.givenUp(delivery);
        } else {
            due.put(delivery.dueIn(retryDelayNanos));
        }
    }

    static boolean isTemporary(int status) {
        return status == SMPPConstant.STAT_ESME_RTHROTTLED
                || status == SMPPConstant.STAT_ESME_RMSGQFUL
                || status == SMPPConstant.STAT_ESME_RX_T_APPN;
    }
}
