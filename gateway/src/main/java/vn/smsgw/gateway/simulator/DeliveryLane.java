package vn.smsgw.gateway.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * How a real SMSC treats a deliver_sm, which is what the tests of an ESME need to rely on: it counts as delivered
 * only when the ESME answered ESME_ROK. A temporary error (throttled, queue full, temporary application error), no
 * response within the timeout, or a session that is gone keeps it: it goes back to a delay queue and is sent again
 * after the retry delay, on whatever receiver is bound then, until it is acknowledged or the attempts run out. Any
 * other status is a permanent rejection.
 *
 * jsmpp's deliverShortMessage blocks until the response, so the window is the number of sender threads. Each thread
 * takes a due redelivery first, else a new delivery from the feed.
 */
/** Sends deliver_sm from a feed with a fixed window of sender threads and SMSC-style redelivery. */
final class DeliveryLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLane.class);
    /*
     * An idle sender waits this long for a redelivery before it looks at the feed again; a new receipt or redelivery
     * wakes it at once (DelayQueue signals its waiters), so the wait only bounds how late a lane notices that its feed
     * finished. It is long because every waiting sender is a timed waiter on the queue's one condition, and each
     * timeout walks that condition's waiters. With 20 ms, the 300 receipt senders of the MO benchmark took 15 % of its
     * CPU samples, half of it in those waits; with 500 ms, 10 %.
     */
    private static final long IDLE_POLL_MILLIS = 500;
    private static final long RECEIVER_WAIT_MILLIS = 100;

    private final DeliveryFeed feed;
    private final SessionRegistry registry;
    private final DeliveryCounters counters;
    private final Pacer pacer;
    private final long retryDelayNanos;
    private final int maxAttempts;
    private final DelayQueue<Delivery> due = new DelayQueue<>();
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean closed;

    DeliveryLane(LaneSettings settings, DeliveryFeed feed, SessionRegistry registry, DeliveryCounters counters) {
        this.feed = feed;
        this.registry = registry;
        this.counters = counters;
        this.pacer = new Pacer(settings.ratePerSecond(), settings.ticker());
        this.retryDelayNanos = settings.retryDelay().toNanos();
        this.maxAttempts = settings.maxAttempts();
        for (int i = 0; i < settings.window(); i++) {
            Thread sender = new Thread(this::run, settings.name() + "-" + i);
            sender.setDaemon(true);
            senders.add(sender);
        }
    }

    void start() {
        senders.forEach(Thread::start);
    }

    /** Queues a delivery to be sent once its delay has passed. */
    void schedule(Delivery delivery) {
        due.put(delivery);
    }

    /** Stops the senders; deliveries still queued or in flight stay unfinished. */
    @Override
    public void close() {
        closed = true;
        senders.forEach(Thread::interrupt);
    }

    /** Waits up to {@code millis} for the sender threads to end. */
    void join(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread sender : senders) {
            sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }

    private void run() {
        try {
            while (!closed && !feed.finished()) {
                Delivery delivery = due.poll();
                if (delivery == null) {
                    delivery = feed.poll();
                }
                if (delivery == null) {
                    delivery = due.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
                if (delivery != null) {
                    send(delivery);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Sender {} stopped", Thread.currentThread().getName(), e);
        }
    }

    private void send(Delivery delivery) throws InterruptedException {
        BoundSession session = registry.awaitReceiver(delivery.systemId, RECEIVER_WAIT_MILLIS);
        if (session == null) {
            due.put(delivery);
            return;
        }
        pacer.acquire();
        if (++delivery.attempts > 1) {
            counters.redelivered.increment();
        }
        counters.sent.increment();
        long start = System.nanoTime();
        try {
            session.deliver(delivery.pdu);
            counters.ackLatencies.record(System.nanoTime() - start);
            counters.acked.increment();
            feed.acked(delivery);
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            counters.error(status);
            if (isTemporary(status)) {
                retry(delivery);
            } else {
                feed.rejected(delivery, status);
            }
        } catch (ResponseTimeoutException e) {
            counters.timeouts.increment();
            retry(delivery);
        } catch (IOException | InvalidResponseException e) {
            counters.connectionErrors.increment();
            retry(delivery);
        } catch (PDUException e) {
            log.error("Cannot compose deliver_sm, giving it up", e);
            counters.givenUp.increment();
            feed.givenUp(delivery);
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
