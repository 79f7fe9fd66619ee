package vn.smsgw.gateway.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running MO injection: up to a number of messages drawn from a {@link MoSource}, sent by its own
 * {@link DeliveryLane}. Each message gets an id, its index in draw order from 0. A message is <em>acked</em> when every
 * part was answered ESME_ROK, <em>failed</em> when a part was rejected permanently or given up, and <em>pending</em>
 * until then. Duplicates sent by the duplicate fault do not change a message's state. Thread-safe.
 */
public final class MoInjection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MoInjection.class);

    private final MoSource source;
    private final long limit;
    private final MoEncoder encoder;
    private final FaultState faults;
    private final LongSupplier ticker;
    private final DeliveryLane lane;
    private final Object drawLock = new Object();
    private final List<MoMessage> messages = new ArrayList<>();
    private final ArrayDeque<Delivery> undrawnParts = new ArrayDeque<>();
    private final Map<Integer, AtomicInteger> partsLeft = new ConcurrentHashMap<>();
    private final BitSet acked = new BitSet();
    private final BitSet failed = new BitSet();
    private final AtomicLong outstanding = new AtomicLong();
    private final LongAdder duplicates = new LongAdder();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean exhausted;

    MoInjection(MoSource source, long limit, MoEncoder encoder, FaultState faults, LaneSettings settings,
            SessionRegistry registry, DeliveryCounters counters) {
        this.source = source;
        this.limit = limit;
        this.encoder = encoder;
        this.faults = faults;
        this.ticker = settings.ticker();
        this.lane = new DeliveryLane(settings, new Feed(), registry, counters);
    }

    void start() {
        lane.start();
    }

    /** Messages drawn from the source so far. */
    public int drawn() {
        synchronized (drawLock) {
            return messages.size();
        }
    }

    /** The message with this id; throws if it was not drawn yet. */
    public MoMessage message(int id) {
        synchronized (drawLock) {
            return messages.get(id);
        }
    }

    /** The messages drawn so far, in id order. */
    public List<MoMessage> messages() {
        synchronized (drawLock) {
            return List.copyOf(messages);
        }
    }

    /** Number of acked messages. */
    public int ackedCount() {
        synchronized (acked) {
            return acked.cardinality();
        }
    }

    /** Ids of the messages every part of which was answered ESME_ROK. */
    public Set<Integer> acked() {
        synchronized (acked) {
            return acked.stream().boxed().collect(Collectors.toUnmodifiableSet());
        }
    }

    /** Ids of the messages rejected permanently or given up. */
    public Set<Integer> failed() {
        synchronized (acked) {
            return failed.stream().boxed().collect(Collectors.toUnmodifiableSet());
        }
    }

    /** Ids of drawn messages neither acked nor failed. */
    public Set<Integer> pending() {
        int drawn = drawn();
        synchronized (acked) {
            BitSet pending = new BitSet();
            pending.set(0, drawn);
            pending.andNot(acked);
            pending.andNot(failed);
            return pending.stream().boxed().collect(Collectors.toUnmodifiableSet());
        }
    }

    /** Duplicate deliver_sm sent by the duplicate-delivery fault. */
    public long duplicatesSent() {
        return duplicates.sum();
    }

    /** Whether the source is exhausted (or the limit reached) and every drawn message is acked or failed. */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits up to {@code timeout} for {@link #isDone()}; returns it. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops sending; unfinished messages stay pending. */
    @Override
    public void close() {
        lane.close();
    }

    void join(long millis) throws InterruptedException {
        lane.join(millis);
    }

    private Delivery draw() {
        synchronized (drawLock) {
            while (undrawnParts.isEmpty()) {
                if (exhausted) {
                    return null;
                }
                Optional<MoMessage> next = messages.size() < limit ? source.next() : Optional.empty();
                if (next.isEmpty()) {
                    exhausted = true;
                    if (outstanding.get() == 0) {
                        done.countDown();
                    }
                    return null;
                }
                queueParts(next.get());
            }
            return undrawnParts.poll();
        }
    }

    private void queueParts(MoMessage message) {
        int id = messages.size();
        messages.add(message);
        outstanding.incrementAndGet();
        List<DeliverSmPdu> parts;
        try {
            parts = encoder.encode(message);
        } catch (IllegalArgumentException e) {
            log.warn("MO {} cannot be sent: {}", id, e.getMessage());
            partFailed(id);
            return;
        }
        if (parts.size() > 1) {
            partsLeft.put(id, new AtomicInteger(parts.size()));
        }
        for (DeliverSmPdu part : parts) {
            undrawnParts.add(new Delivery(part, "", id, false, ticker));
        }
    }

    private void partAcked(Delivery delivery) {
        if (delivery.duplicate) {
            resolved();
            return;
        }
        if (faults.duplicateAfterAck()) {
            outstanding.incrementAndGet();
            duplicates.increment();
            lane.schedule(new Delivery(delivery.pdu, "", delivery.moId, true, ticker));
        }
        AtomicInteger left = partsLeft.get(delivery.moId);
        if (left != null && left.decrementAndGet() > 0) {
            return;
        }
        partsLeft.remove(delivery.moId);
        synchronized (acked) {
            if (failed.get(delivery.moId)) {
                return;
            }
            acked.set(delivery.moId);
        }
        resolved();
    }

    private void partFailed(int id) {
        synchronized (acked) {
            if (failed.get(id) || acked.get(id)) {
                return;
            }
            failed.set(id);
        }
        partsLeft.remove(id);
        resolved();
    }

    private void resolved() {
        if (outstanding.decrementAndGet() == 0 && exhausted) {
            done.countDown();
        }
    }

    private final class Feed implements DeliveryFeed {

        @Override
        public Delivery poll() {
            return draw();
        }

        @Override
        public boolean finished() {
            return isDone();
        }

        @Override
        public void acked(Delivery delivery) {
            partAcked(delivery);
        }

        @Override
        public void rejected(Delivery delivery, int status) {
            if (delivery.duplicate) {
                resolved();
            } else {
                partFailed(delivery.moId);
            }
        }

        @Override
        public void givenUp(Delivery delivery) {
            rejected(delivery, -1);
        }
    }
}
