package vn.smsgw.gateway.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live counters behind a {@link DeliveryStats}. Thread-safe. */
final class DeliveryCounters {

    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder connectionErrors = new LongAdder();
    final LongAdder redelivered = new LongAdder();
    final LongAdder givenUp = new LongAdder();
    /** deliver_sm written to deliver_sm_resp ESME_ROK received. */
    final AckLatencies ackLatencies = new AckLatencies();
    private final Map<Integer, LongAdder> errorsByStatus = new ConcurrentHashMap<>();

    void error(int status) {
        errorsByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    DeliveryStats snapshot() {
        Map<Integer, Long> errors = new TreeMap<>();
        errorsByStatus.forEach((status, count) -> errors.put(status, count.sum()));
        return new DeliveryStats(sent.sum(), acked.sum(), errors, timeouts.sum(), connectionErrors.sum(),
                redelivered.sum(), givenUp.sum());
    }
}
