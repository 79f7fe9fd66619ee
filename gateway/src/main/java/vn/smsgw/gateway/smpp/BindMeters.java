package vn.smsgw.gateway.smpp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bind meters of one SMSC: the gauge {@code smsgw.bind.state{smsc,bind}} (1 bound, 0 not), the gauges
 * {@code smsgw.bind.state.current{smsc,bind,state}}, one per {@link BindState}, 1 for the state the session is in
 * and 0 for the others (so that CONNECTING, BACKOFF, AUTH_FAILED and STOPPED can be told apart), and the counters
 * {@code smsgw.bind.attempts{smsc}} (connect-and-bind attempts) and {@code smsgw.bind.reconnects{smsc}} (bound
 * sessions lost, each followed by a reconnect).
 */
final class BindMeters {

    private final MeterRegistry registry;
    private final String smsc;
    private final Counter attempts;
    private final Counter reconnects;

    BindMeters(MeterRegistry registry, String smsc) {
        this.registry = registry;
        this.smsc = smsc;
        this.attempts = Counter.builder("smsgw.bind.attempts").tag("smsc", smsc)
                .description("connect-and-bind attempts").register(registry);
        this.reconnects = Counter.builder("smsgw.bind.reconnects").tag("smsc", smsc)
                .description("bound sessions lost and reconnected").register(registry);
    }

    void register(Bind bind) {
        Gauge.builder("smsgw.bind.state", bind, b -> b.status().isBound() ? 1 : 0)
                .tags("smsc", smsc, "bind", bind.name())
                .description("1 while the session is bound, else 0")
                .register(registry);
        for (BindState state : BindState.values()) {
            Gauge.builder("smsgw.bind.state.current", bind, b -> b.status().state() == state ? 1 : 0)
                    .tags("smsc", smsc, "bind", bind.name(), "state", state.name())
                    .description("1 for the state the session is in, 0 for the others")
                    .register(registry);
        }
    }

    void attempted() {
        attempts.increment();
    }

    void reconnected() {
        reconnects.increment();
    }
}
