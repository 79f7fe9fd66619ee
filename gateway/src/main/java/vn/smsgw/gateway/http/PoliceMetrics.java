package vn.smsgw.gateway.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.police.PoliceOutboxDepth;
import vn.smsgw.dispatch.police.PoliceRelay;
import vn.smsgw.dispatch.store.StorageException;

/**
 * The police outbox as Prometheus meters: {@code smsgw_police_outbox_pending} (cases not yet delivered, across every
 * process sharing the store) and {@code smsgw_police_outbox_unrenderable} (cases set aside because their document
 * cannot be rendered: nothing delivers them, an operator must look), read at most once a second; with RabbitMQ,
 * {@code smsgw_police_published_total} and {@code smsgw_police_publish_failures_total} (cases the broker confirmed, and
 * failed publications of cases, one per case and attempt) of this process's relay. A failed read leaves the gauges at
 * their last values (NaN before any read succeeded) and is logged.
 */
public final class PoliceMetrics implements MeterBinder {
    private static final Logger log = LoggerFactory.getLogger(PoliceMetrics.class);
    private static final long READ_EVERY_NANOS = 1_000_000_000L;

    private final Supplier<PoliceOutboxDepth> reader;
    private final Optional<PoliceRelay> relay;
    private final LongSupplier nanoTime;
    /** The last depths read; null until a read succeeded (the gauges show NaN then, not a reassuring 0). */
    private PoliceOutboxDepth last;
    private long readAt;
    private boolean read;

    /** Meters over what {@code reader} returns (the store's outbox) and over {@code relay}'s counts when present. */
    public PoliceMetrics(Supplier<PoliceOutboxDepth> reader, Optional<PoliceRelay> relay, LongSupplier nanoTime) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.relay = Objects.requireNonNull(relay, "relay");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("smsgw.police.outbox.pending", this, m -> m.value(PoliceOutboxDepth::pending))
                .description("Police cases not yet delivered (not confirmed by the broker, or not acked)")
                .strongReference(true) // nothing else holds this binder
                .register(registry);
        Gauge.builder("smsgw.police.outbox.unrenderable", this, m -> m.value(PoliceOutboxDepth::unrenderable))
                .description("Police cases set aside because their document cannot be rendered; need an operator")
                .strongReference(true)
                .register(registry);
        relay.ifPresent(r -> {
            FunctionCounter.builder("smsgw.police.published", r, PoliceRelay::published)
                    .description("Police cases confirmed by the broker").register(registry);
            FunctionCounter.builder("smsgw.police.publish.failures", r, PoliceRelay::failedAttempts)
                    .description("Failed publications of police cases, one per case and attempt").register(registry);
        });
    }

    private double value(ToLongFunction<PoliceOutboxDepth> of) {
        PoliceOutboxDepth d = depth();
        return d == null ? Double.NaN : of.applyAsLong(d);
    }

    /** The depths, read from the store at most once a second; null until a read succeeded. */
    synchronized PoliceOutboxDepth depth() {
        long now = nanoTime.getAsLong();
        if (!read || now - readAt >= READ_EVERY_NANOS) {
            readAt = now;
            read = true;
            try {
                last = reader.get();
            } catch (StorageException e) {
                log.warn("police outbox depth not read: {}", e.getMessage());
            }
        }
        return last;
    }
}
