package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.outbound.InMemoryOutboundQueue;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.QueuedSms;
import vn.smsgw.dispatch.outbound.SubmitOutcome;
import vn.smsgw.gateway.simulator.ReceivedSubmit;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;

/** The fields a submit pipeline gives its messages' submit_sm: concatenation references and validity. */
class SubmitPipelineFieldsTest {
    private static final String LONG = "Canh bao lua dao qua tin nhan. ".repeat(12);
    private final Clock clock = Clock.systemUTC();
    private final List<SubmitPipeline.Outcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();

    private QueuedSms message(long id, String body, long validUntil) {
        return new QueuedSms(id, Lane.REPLY, "84912345678", "5656", body, "ACK", "", 1, clock.millis() + 60_000,
                validUntil);
    }

    /** Submits the messages one at a time, in order, to a simulator; the submit_sm it received, in order. */
    private List<ReceivedSubmit> submitted(List<QueuedSms> messages) throws Exception {
        SubmitterConfig config = SubmitterConfig.defaults().withWindowAndTps(1, 1_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ended = new AtomicInteger();
        ArrayBlockingQueue<QueuedSms> ready = new ArrayBlockingQueue<>(messages.size());
        ready.addAll(messages);
        try (SmscSimulator simulator = new SmscSimulator(SimulatorConfig.builder().build()).start();
             ReceiptHandler receipts = new ReceiptHandler(new InMemoryOutboundQueue(clock), clock, registry);
             TestBind bind = TestBind.bind(simulator.port(), 5_000, receipts)) {
            SubmitPipeline pipeline = new SubmitPipeline(bind, config, new BindPace(config, System::nanoTime),
                    new MtMeters(registry, "t"), clock, System::nanoTime, running::get, () -> false, ready,
                    outcome -> {
                        outcomes.add(outcome);
                        ended.incrementAndGet();
                    }, late -> { }, id -> SubmitPipeline.Renewed.RENEWED, 254);
            pipeline.start();
            pipeline.wake();
            Poll.until(Duration.ofSeconds(30), () -> ended.get() == messages.size(),
                    messages.size() + " messages submitted");
            running.set(false);
            pipeline.wake();
            assertTrue(pipeline.join(10_000));
            List<ReceivedSubmit> received = new ArrayList<>(simulator.received());
            received.sort(Comparator.comparingLong(ReceivedSubmit::number));
            return received;
        }
    }

    @Test
    void begin_firstReferenceGiven_multiPartMessagesTakeItAndTheNextOnesWhileSinglePartOnesTakeNone()
            throws Exception {
        List<String> bodies = List.of(LONG, "one part", LONG, LONG);
        List<QueuedSms> messages = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            messages.add(message(i + 1, bodies.get(i), 0));
        }

        List<Integer> references = new ArrayList<>();
        int singleParts = 0;
        for (ReceivedSubmit r : submitted(messages)) {
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

    @Test
    void begin_messageWithAValidity_everyPartCarriesItAsAbsoluteUtcTimeAndOneWithoutCarriesNone() throws Exception {
        long validUntil = Instant.parse("2098-12-08T07:30:15.900Z").toEpochMilli();

        String twoParts = "Canh bao lua dao qua tin nhan. ".repeat(6);
        List<ReceivedSubmit> received = submitted(List.of(message(1, twoParts, validUntil),
                message(2, "one part", 0)));

        assertEquals(3, received.size(), "two parts, then one");
        assertEquals("981208073015900+", received.get(0).validityPeriod());
        assertEquals("981208073015900+", received.get(1).validityPeriod());
        assertEquals("", received.get(2).validityPeriod(), "the SMSC's default validity");
    }

    @Test
    void begin_messageWithLessValidityLeftThanTheMargin_isGivenBackUnsentUntilItsValidityEnds() throws Exception {
        long validUntil = clock.millis() + SubmitPipeline.VALIDITY_MARGIN_MILLIS - 2_000;

        List<ReceivedSubmit> received = submitted(List.of(message(1, "late", validUntil), message(2, "in time",
                clock.millis() + SubmitPipeline.VALIDITY_MARGIN_MILLIS + 60_000)));

        assertEquals(List.of("in time"), received.stream().map(ReceivedSubmit::text).toList());
        SubmitPipeline.Outcome late = outcomes.stream().filter(o -> o.message().id() == 1).findFirst().orElseThrow();
        SubmitOutcome.RetryLater back = assertInstanceOf(SubmitOutcome.RetryLater.class, late.outcome());
        assertEquals(Instant.ofEpochMilli(validUntil), back.notBefore(), "due only once its validity is over");
        assertFalse(back.countsAsAttempt());
    }
}
