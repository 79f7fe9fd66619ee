package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.smsgw.dispatch.outbound.InMemoryOutboundQueue;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.LatePart;
import vn.smsgw.dispatch.outbound.OutboundQueue;
import vn.smsgw.dispatch.outbound.OutboundSms;
import vn.smsgw.dispatch.outbound.OutboundStatus;
import vn.smsgw.dispatch.outbound.QueueDepth;
import vn.smsgw.dispatch.outbound.QueuedSms;
import vn.smsgw.dispatch.outbound.ReceiptUpdate;
import vn.smsgw.dispatch.outbound.Settlement;
import vn.smsgw.dispatch.outbound.SmscScope;
import vn.smsgw.dispatch.store.InMemoryTransactions;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;

/** The submitter when the store fails a claim: the bind goes on sending once the store answers again. */
class SubmitterClaimFailureTest {

    /** The in-memory queue, whose first claim of one lane fails as a dropped database connection would. */
    private static final class FailingOnceQueue implements OutboundQueue {
        private final InMemoryOutboundQueue queue;
        private final Lane failing;
        final AtomicInteger failures = new AtomicInteger();

        FailingOnceQueue(InMemoryOutboundQueue queue, Lane failing) {
            this.queue = queue;
            this.failing = failing;
        }

        @Override
        public List<QueuedSms> claim(Lane lane, SmscScope scope, int max, String owner, Duration lease) {
            if (lane == failing && failures.compareAndSet(0, 1)) {
                throw new StorageException("connection to the database dropped");
            }
            return queue.claim(lane, scope, max, owner, lease);
        }

        @Override
        public boolean anyDue(Lane lane, SmscScope scope) {
            return queue.anyDue(lane, scope);
        }

        @Override
        public Set<Long> renew(Collection<Long> ids, String owner, Duration lease) {
            return queue.renew(ids, owner, lease);
        }

        @Override
        public int settle(List<Settlement> settlements) {
            return queue.settle(settlements);
        }

        @Override
        public List<OptionalLong> applyReceipts(List<ReceiptUpdate> receipts) {
            return queue.applyReceipts(receipts);
        }

        @Override
        public int recordLateParts(List<LatePart> parts) {
            return queue.recordLateParts(parts);
        }

        @Override
        public QueueDepth depth() {
            return queue.depth();
        }

        @Override
        public QueueDepth countByState() {
            return queue.countByState();
        }

        @Override
        public Optional<OutboundStatus> status(long id) {
            return queue.status(id);
        }
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    void dispatch_claimFailsOnce_bindGoesOnSending(Lane lane) throws Exception {
        Clock clock = Clock.systemUTC();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        InMemoryOutboundQueue memory = new InMemoryOutboundQueue(clock);
        List<OutboundSms> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(new OutboundSms(lane, "84912345678", "5656", "sent after a failed claim " + i, "ACK", "",
                    clock.instant()));
        }
        new InMemoryTransactions().inTransaction(tx -> {
            memory.enqueue(tx, messages);
            return null;
        });
        FailingOnceQueue queue = new FailingOnceQueue(memory, lane);
        SubmitterConfig config = SubmitterConfig.defaults().withWindowAndTps(2, 1_000);
        try (SmscSimulator simulator = new SmscSimulator(SimulatorConfig.builder().build()).start();
             ReceiptHandler receipts = new ReceiptHandler(queue, clock, registry);
             TestBind bind = TestBind.bind(simulator.port(), 5_000, receipts);
             Submitter submitter = new Submitter(bind, queue, config, clock, System::nanoTime, registry)) {
            submitter.start();

            Poll.until(Duration.ofSeconds(30), () -> simulator.submitCount() == 5,
                    "the 5 messages submitted after the failed claim");
            assertEquals(1, queue.failures.get(), "the claim failed once");
        }
    }
}
