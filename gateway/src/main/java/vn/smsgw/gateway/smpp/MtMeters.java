package vn.smsgw.gateway.smpp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** The MT meters of one bind (tag {@code bind}). Thread-safe. */
final class MtMeters {
    private final MeterRegistry registry;
    private final String bind;
    private final Counter submitted;
    private final Counter throttled;
    private final Counter unknown;
    private final Counter givenBack;
    private final Counter renewed;
    final AtomicInteger inFlight = new AtomicInteger();

    MtMeters(MeterRegistry registry, String bind) {
        this.registry = registry;
        this.bind = bind;
        this.submitted = Counter.builder("smsgw.mt.submitted").description("submit_sm accepted by the SMSC")
                .tag("bind", bind).register(registry);
        this.throttled = Counter.builder("smsgw.mt.throttled")
                .description("submit_sm answered ESME_RTHROTTLED or ESME_RMSGQFUL").tag("bind", bind)
                .register(registry);
        this.unknown = Counter.builder("smsgw.mt.unknown").description("messages left UNKNOWN by a response timeout")
                .tag("bind", bind).register(registry);
        this.givenBack = Counter.builder("smsgw.mt.given.back")
                .description("messages given back to the queue unsent, half their claim's lease gone").tag("bind", bind)
                .register(registry);
        this.renewed = Counter.builder("smsgw.mt.claims.renewed")
                .description("claims renewed for messages still being sent late in their lease").tag("bind", bind)
                .register(registry);
        Gauge.builder("smsgw.mt.inflight", inFlight, AtomicInteger::get)
                .description("messages being submitted now").tag("bind", bind).register(registry);
    }

    void submitted() {
        submitted.increment();
    }

    void throttled() {
        throttled.increment();
    }

    void unknown() {
        unknown.increment();
    }

    void givenBack() {
        givenBack.increment();
    }

    void renewed() {
        renewed.increment();
    }

    /** A message failed with {@code status} (an SMSC command_status in hex, or "refused"/"invalid"). */
    void failed(String status) {
        Counter.builder("smsgw.mt.failed").description("messages failed for good").tag("bind", bind)
                .tag("status", status).register(registry).increment();
    }
}
