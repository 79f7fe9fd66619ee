package vn.smsgw.dispatch.police;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TcpProxy;
import vn.smsgw.dispatch.store.TestServices;

/** {@link RabbitPoliceQueue} against the real broker, through the relay. */
class RabbitPoliceQueueTest {
    @TempDir
    Path dir;
    private RabbitTestQueue rabbit;
    private RabbitPoliceQueue publisher;

    @BeforeEach
    void open() throws Exception {
        rabbit = new RabbitTestQueue();
        publisher = new RabbitPoliceQueue(rabbit.config());
    }

    @AfterEach
    void close() throws Exception {
        publisher.close();
        rabbit.close();
    }

    private static List<PoliceDelivery> deliveries(String... caseIds) {
        return PolicePublisherContract.deliveries(caseIds);
    }

    @Test
    void close_fromAnotherThreadDuringAWaitForConfirms_endsThatPublishAndEveryLaterOne() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TcpProxy proxy = new TcpProxy(TestServices.RABBIT_HOST, TestServices.RABBIT_PORT)) {
            RabbitPoliceConfig c = rabbit.config().withPort(proxy.port());
            RabbitPoliceQueue viaProxy = new RabbitPoliceQueue(new RabbitPoliceConfig(c.host(), c.port(),
                    c.username(), c.password(), c.virtualHost(), c.queue(), Duration.ofSeconds(60)));
            proxy.start();
            viaProxy.publish(deliveries("C-1")); // connected
            proxy.holdDownstream(true); // the broker's confirms stop coming back
            Future<?> held = pool.submit(() -> {
                viaProxy.publish(deliveries("C-2"));
                return null;
            });
            Thread.sleep(300);
            assertFalse(held.isDone(), "waiting for its confirm");

            long t0 = System.nanoTime();
            viaProxy.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> held.get(10, TimeUnit.SECONDS));
            long tookMillis = (System.nanoTime() - t0) / 1_000_000;

            assertInstanceOf(IOException.class, e.getCause());
            assertTrue(tookMillis < 5_000, tookMillis + " ms, against a confirm timeout of 60 s");
            proxy.holdDownstream(false);
            assertThrows(IOException.class, () -> viaProxy.publish(deliveries("C-3")), "closed for good");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void publish_batch_isInTheQueueAsPersistentJsonKeyedByCaseId() throws Exception {
        publisher.publish(deliveries("C-1", "C-2"));
        List<GetResponse> got = rabbit.drain();
        assertEquals(2, got.size());
        GetResponse first = got.get(0);
        AMQP.BasicProperties p = first.getProps();
        assertEquals("C-1", p.getMessageId());
        assertEquals(2, p.getDeliveryMode());
        assertEquals("application/json", p.getContentType());
        assertEquals(PoliceCases.sample("C-1"), PoliceCaseJson.parse(new String(first.getBody(), StandardCharsets.UTF_8)));
    }

    @Test
    void publish_declaresAQuorumQueue() throws Exception {
        publisher.publish(deliveries("C-1"));
        // redeclaring with the same arguments succeeds; with another queue type the broker would refuse
        rabbit.channel().queueDeclare(rabbit.name, true, false, false, Map.of("x-queue-type", "quorum"));
        assertEquals(1, rabbit.channel().messageCount(rabbit.name));
    }

    @Test
    void publish_brokerRefusesConnection_throws() throws Exception {
        // bound but never listening: connections are refused, and no other socket can take the port meanwhile
        try (Socket closedPort = new Socket()) {
            closedPort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (RabbitPoliceQueue unreachable = new RabbitPoliceQueue(
                    rabbit.config().withPort(closedPort.getLocalPort()))) {
                assertThrows(IOException.class, () -> unreachable.publish(deliveries("C-1")));
            }
        }
    }

    @Test
    void publish_afterConnectionLost_reconnects() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestServices.RABBIT_HOST, TestServices.RABBIT_PORT);
             RabbitPoliceQueue viaProxy = new RabbitPoliceQueue(rabbit.config().withPort(proxy.port()))) {
            proxy.start();
            viaProxy.publish(deliveries("C-1"));
            proxy.stop();
            assertThrows(IOException.class, () -> viaProxy.publish(deliveries("C-2")));
            proxy.start();
            viaProxy.publish(deliveries("C-3"));
        }
        List<String> ids = rabbit.drain().stream().map(r -> r.getProps().getMessageId()).toList();
        assertEquals(List.of("C-1", "C-3"), ids, "nothing gets through the stopped proxy");
    }

    @Test
    void relay_outboxRows_arePublishedThenMarkedSent() throws Exception {
        try (Database db = TestServices.sqlite(dir)) {
            List<PoliceCase> cases = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                cases.add(PoliceCases.sample(PoliceCases.id(i)));
            }
            db.inTransaction(tx -> {
                new JdbcPoliceOutbox(Clock.systemUTC()).add(tx, cases);
                return null;
            });
            PoliceRelay relay = new PoliceRelay(db, publisher, PoliceRelaySettings.defaults(), Clock.systemUTC());
            assertEquals(25, relay.relayOnce());
            assertEquals(0, relay.pendingDepth());
            List<GetResponse> got = rabbit.drain();
            assertEquals(25, got.size());
            for (int i = 0; i < 25; i++) {
                GetResponse r = got.get(i);
                assertEquals(PoliceCases.id(i), r.getProps().getMessageId());
                assertEquals(cases.get(i), PoliceCaseJson.parse(new String(r.getBody(), StandardCharsets.UTF_8)));
            }
        }
    }
}
