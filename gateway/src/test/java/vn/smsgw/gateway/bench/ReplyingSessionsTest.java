package vn.smsgw.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import vn.smsgw.gateway.simulator.MoInjection;
import vn.smsgw.gateway.simulator.MoMessage;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;

class ReplyingSessionsTest {

    private static final int MO = 300;

    @Test
    void bind_everyMo_isAnsweredWithOneReplyFromItsShortCodeAndItsReceiptAcknowledged() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().port(0).window(20).receivedLogCapacity(0)
                .dlrWindow(10).responseTimeout(Duration.ofSeconds(10)).build();
        Map<String, List<String>> replies = new ConcurrentHashMap<>();
        try (SmscSimulator smsc = new SmscSimulator(config).start()) {
            smsc.onSubmit(s -> replies.computeIfAbsent(s.destinationAddr(), k -> new ArrayList<>())
                    .add(s.sourceAddr()));
            List<MoMessage> messages = new ArrayList<>();
            for (int i = 0; i < MO; i++) {
                messages.add(new MoMessage(Long.toString(84_912_000_000L + i), i % 2 == 0 ? "156" : "5656",
                        "LD 0912345678 goi lua dao"));
            }
            ReplyingSessions sessions = ReplyingSessions.bind(smsc.port(), 2, 2, 4, 1_000);
            try (MoInjection injection = smsc.inject(messages)) {
                await(() -> injection.ackedCount() >= MO && smsc.stats().receipts().acked() >= MO);
            } finally {
                sessions.close();
            }
            // closed: no reply is sent any more, so a reply to a receipt would show in these counts now
            assertEquals(0, sessions.sendersAlive());
            assertEquals(0, sessions.failed());
            assertEquals(MO, smsc.submitCount());
            assertEquals(MO, smsc.stats().receipts().acked());
            await(() -> smsc.boundSessions() == 0);
        }
        assertEquals(MO, replies.size());
        for (int i = 0; i < MO; i++) {
            assertEquals(List.of(i % 2 == 0 ? "156" : "5656"), replies.get(Long.toString(84_912_000_000L + i)));
        }
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within 30 s");
            }
            Thread.sleep(10);
        }
    }
}
