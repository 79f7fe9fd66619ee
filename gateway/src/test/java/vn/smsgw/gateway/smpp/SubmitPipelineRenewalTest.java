package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.outbound.InMemoryOutboundQueue;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.QueuedSms;
import vn.smsgw.gateway.simulator.Faults;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;

/** The submit pipeline's claim renewal when the store cannot be asked. */
class SubmitPipelineRenewalTest {

    @Test
    void renewal_storeFails_isTriedAgainWithinASecondAndNotCountedAsRenewed() throws Exception {
        Clock clock = Clock.systemUTC();
        SubmitterConfig config = SubmitterConfig.defaults().withWindowAndTps(1, 100)
                .withThrottleBackoff(Duration.ofMillis(5), Duration.ofMillis(40)).withLease(Duration.ofSeconds(4));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Long> asked = new CopyOnWriteArrayList<>();
        SubmitPipeline.Renewal renewal = id -> {
            asked.add(System.nanoTime());
            return asked.size() <= 2 ? SubmitPipeline.Renewed.FAILED : SubmitPipeline.Renewed.RENEWED;
        };
        SimulatorConfig sim = SimulatorConfig.builder().faults(Faults.none().withThrottleAfter(1)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        ArrayBlockingQueue<QueuedSms> ready = new ArrayBlockingQueue<>(1);
        try (SmscSimulator simulator = new SmscSimulator(sim).start();
             ReceiptHandler receipts = new ReceiptHandler(new InMemoryOutboundQueue(clock), clock, registry);
             TestBind bind = TestBind.bind(simulator.port(), 5_000, receipts)) {
            SubmitPipeline pipeline = new SubmitPipeline(bind, config, new BindPace(config, System::nanoTime),
                    new MtMeters(registry, "t"), clock, System::nanoTime, running::get, () -> false, ready,
                    outcome -> { }, late -> { }, renewal, 0);
            pipeline.start();
            long claimed = System.nanoTime();
            ready.add(new QueuedSms(1, Lane.REPLY, "84912345678", "5656", "Canh bao lua dao. ".repeat(20), "ACK", "",
                    1, clock.millis() + 4_000, 0));
            pipeline.wake();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (asked.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            running.set(false);
            pipeline.wake();
            assertTrue(pipeline.join(10_000));

            assertEquals(3, asked.size(), "asked at half-lease, then twice more after the store failed");
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(asked.get(0) - claimed);
            long retryMillis = TimeUnit.NANOSECONDS.toMillis(asked.get(1) - asked.get(0));
            assertTrue(firstMillis >= 1_900 && firstMillis < 3_000, "first renewal at half the 4 s lease: "
                    + firstMillis + " ms");
            assertTrue(retryMillis >= 900 && retryMillis < 1_800, "a failed renewal is tried again after about a "
                    + "second, not after another half-lease: " + retryMillis + " ms");
            assertEquals(1.0, registry.get("smsgw.mt.claims.renewed").counter().count(), "only the one that worked");
        }
    }
}
