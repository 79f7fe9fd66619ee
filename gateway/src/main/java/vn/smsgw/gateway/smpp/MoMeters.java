package vn.smsgw.gateway.smpp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MO meters of one SMSC: {@code smsgw.mo.received{smsc}} (every deliver_sm), {@code smsgw.mo.answered{smsc,
 * status}} (the deliver_sm_resp status) and the timer {@code smsgw.mo.commit{smsc}} (the wait for intake). Counters
 * are looked up once per status, not per PDU. Stored messages the parser rejected are counted by intake
 * ({@code smsgw.mo.rejected{reason}}, DispatchMetrics), which also sees the messages reassembled from parts.
 */
final class MoMeters {

    private final MeterRegistry registry;
    private final String smsc;
    private final Counter received;
    private final Timer commit;
    private final Map<String, Counter> answered = new ConcurrentHashMap<>();

    MoMeters(MeterRegistry registry, String smsc) {
        this.registry = registry;
        this.smsc = smsc;
        this.received = Counter.builder("smsgw.mo.received").tag("smsc", smsc)
                .description("deliver_sm received").register(registry);
        this.commit = Timer.builder("smsgw.mo.commit").tag("smsc", smsc).publishPercentileHistogram()
                .description("wait for intake to commit an MO before it is answered").register(registry);
    }

    void received() {
        received.increment();
    }

    Timer commit() {
        return commit;
    }

    void answered(String status) {
        answered.computeIfAbsent(status, st -> registry.counter("smsgw.mo.answered", "smsc", smsc, "status", st))
                .increment();
    }
}
