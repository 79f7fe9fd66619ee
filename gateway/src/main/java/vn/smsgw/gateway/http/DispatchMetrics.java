package vn.smsgw.gateway.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import vn.smsgw.dispatch.intake.Intake;
import vn.smsgw.parser.report.Rejection;

/**
 * Meters over intake's counters, as Prometheus names: {@code smsgw_mo_committed_total} (messages stored),
 * {@code smsgw_mo_duplicates_total} (redeliveries recognised), {@code smsgw_mo_unavailable_total} (answered as not
 * stored), {@code smsgw_mo_parts_total} (concatenated parts stored), {@code smsgw_mo_rejected_total{reason}} (stored
 * messages the parser rejected, whole or reassembled), {@code smsgw_intake_batches_total} (group
 * commits) and the gauge {@code smsgw_intake_queue_depth} (messages waiting for a commit).
 */
public final class DispatchMetrics implements MeterBinder {
    private final Intake intake;

    public DispatchMetrics(Intake intake) {
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "smsgw.mo.committed", "MO messages stored (reports and rejected messages)",
                Intake::storedCount);
        counter(registry, "smsgw.mo.duplicates", "MO redeliveries recognised within the dedupe window",
                Intake::duplicateCount);
        counter(registry, "smsgw.mo.unavailable", "MO messages answered as not stored (store failure or overload)",
                Intake::unavailableCount);
        counter(registry, "smsgw.mo.parts", "Concatenated MO parts stored", Intake::partCount);
        counter(registry, "smsgw.mo.late.parts", "Concatenated MO parts that came after their message was stored "
                + "incomplete, kept with its case", Intake::latePartCount);
        counter(registry, "smsgw.intake.batches", "Intake group commits", Intake::batchCount);
        for (Rejection reason : Rejection.values()) {
            FunctionCounter.builder("smsgw.mo.rejected", intake, i -> i.rejectedCount(reason)).tag("reason",
                    reason.name()).description("MO messages stored that the parser rejected, by reason")
                    .register(registry);
        }
        Gauge.builder("smsgw.intake.queue.depth", intake, Intake::queueDepth)
                .description("MO messages waiting for a commit")
                .register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description,
                         ToDoubleFunction<Intake> count) {
        FunctionCounter.builder(name, intake, count).description(description).register(registry);
    }
}
