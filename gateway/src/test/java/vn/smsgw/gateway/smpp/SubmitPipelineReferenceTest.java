package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.outbound.InMemoryOutboundQueue;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.QueuedSms;
import vn.smsgw.gateway.simulator.ReceivedSubmit;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;

/** The concatenation references a submit pipeline gives its messages. */
class SubmitPipelineReferenceTest {
    private static final String LONG = "Canh bao lua dao qua tin nhan. ".repeat(12);

    @Test
    void begin_firstReferenceGiven_multiPartMessagesTakeItAndTheNextOnesWhileSinglePartOnesTakeNone()
            throws Exception {
        Clock clock = Clock.systemUTC();
        SubmitterConfig config = SubmitterConfig.defaults().withWindowAndTps(1, 1_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ended = new AtomicInteger();
        ArrayBlockingQueue<QueuedSms> ready = new ArrayBlockingQueue<>(4);
        List<String> bodies = List.of(LONG, "one part", LONG, LONG);
        for (int i = 0; i < bodies.size(); i++) {
            ready.add(new QueuedSms(i + 1, Lane.REPLY, "84912345678", "5656", bodies.get(i), "ACK", "", 1,
                    clock.millis() + 60_000));
        }
        try (SmscSimulator simulator = new SmscSimulator(SimulatorConfig.builder().build()).start();
             ReceiptHandler receipts = new ReceiptHandler(new InMemoryOutboundQueue(clock), clock, registry);
             TestBind bind = TestBind.bind(simulator.port(), 5_000, receipts)) {
            SubmitPipeline pipeline = new SubmitPipeline(bind, config, new BindPace(config, System::nanoTime),
                    new MtMeters(registry, "t"), clock, System::nanoTime, running::get, () -> false, ready,
                    outcome -> ended.incrementAndGet(), late -> { }, id -> SubmitPipeline.Renewed.RENEWED, 254);
            pipeline.start();
            pipeline.wake();
            Poll.until(Duration.ofSeconds(30), () -> ended.get() == 4, "4 messages submitted");
            running.set(false);
            pipeline.wake();
            assertTrue(pipeline.join(10_000));

            List<Integer> references = new ArrayList<>();
            int singleParts = 0;
            for (ReceivedSubmit r : simulator.received()) {
                if (r.esmClass() == 0x40) {
                    if (r.shortMessage()[5] == 1) {
                        references.add(r.shortMessage()[3] & 0xFF);
                    }
                } else {
                    singleParts++;
                }
            }
            assertEquals(List.of(254, 255, 0), references, "the reference of each long message, in order");
            assertEquals(1, singleParts);
        }
    }
}
