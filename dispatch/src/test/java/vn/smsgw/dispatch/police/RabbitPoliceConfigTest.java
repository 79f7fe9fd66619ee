package vn.smsgw.dispatch.police;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
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
        assertEquals("broker.example", f.getHost());
        assertEquals(5673, f.getPort());
        assertEquals("smsgw", f.getUsername());
        assertEquals("secret", f.getPassword());
        assertEquals("/vn", f.getVirtualHost());
    }
}
