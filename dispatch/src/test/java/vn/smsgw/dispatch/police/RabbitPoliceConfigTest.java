package vn.smsgw.dispatch.police;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.BlockedCallback;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RabbitPoliceConfigTest {

    @Test
    void connectionFactory_forPublishersThatWaitForConfirms_neverRecoversAConnectionBehindTheirBack() {
        RabbitPoliceConfig config = new RabbitPoliceConfig("broker.example", 5673, "smsgw", "secret", "/vn",
                "cases", Duration.ofSeconds(5));

        ConnectionFactory f = config.connectionFactory();

        assertFalse(f.isAutomaticRecoveryEnabled(), "a recovered channel's confirms are not the lost messages'");
        assertFalse(f.isTopologyRecoveryEnabled());
        assertEquals(5_000, f.getConnectionTimeout());
        assertEquals(5_000, f.getHandshakeTimeout());
        assertEquals(15, f.getRequestedHeartbeat());
        assertEquals(5_000, f.getChannelRpcTimeout(), "a held queue declaration ends, not the client's 10 minutes");
        assertEquals("broker.example", f.getHost());
        assertEquals(5673, f.getPort());
        assertEquals("smsgw", f.getUsername());
        assertEquals("secret", f.getPassword());
        assertEquals("/vn", f.getVirtualHost());
    }

    @Test
    void abortWhenBlocked_brokerBlocksTheConnection_itIsAbortedFromAnotherThread() throws Exception {
        AtomicReference<BlockedCallback> blocked = new AtomicReference<>();
        CountDownLatch aborted = new CountDownLatch(1);
        AtomicReference<String> abortThread = new AtomicReference<>();
        // a stand-in connection that records its blocked listener and its abort
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addBlockedListener") && args.length == 2) {
                        blocked.set((BlockedCallback) args[0]);
                        return null;
                    }
                    if (method.getName().equals("abort")) {
                        abortThread.set(Thread.currentThread().getName());
                        aborted.countDown();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        RabbitPoliceConfig.abortWhenBlocked(connection, "test");
        assertEquals(1, aborted.getCount(), "not aborted before the broker blocks it");
        blocked.get().handle("low on disk");

        assertTrue(aborted.await(5, TimeUnit.SECONDS), "aborted once blocked");
        assertEquals("smsgw-rabbit-abort-test", abortThread.get(), "not on the connection's own thread");
    }
}
