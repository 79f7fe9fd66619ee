package vn.smsgw.dispatch.police;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import vn.smsgw.dispatch.store.TestServices;

/** A uniquely named police queue on the test broker, read back directly and deleted on close. */
final class RabbitTestQueue implements AutoCloseable {
    final String name = "smsgw.police.test-" + UUID.randomUUID();
    private final Connection connection;
    private final Channel channel;

    RabbitTestQueue() throws Exception {
        TestServices.requireRabbit();
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(TestServices.RABBIT_HOST);
        f.setPort(TestServices.RABBIT_PORT);
        f.setUsername("guest");
        f.setPassword("guest");
        connection = f.newConnection("smsgw-police-test");
        channel = connection.createChannel();
    }

    /** The publisher config for this queue on the broker's real port. */
    RabbitPoliceConfig config() {
        return RabbitPoliceConfig.of(TestServices.RABBIT_HOST, TestServices.RABBIT_PORT, "guest", "guest")
                .withQueue(name);
    }

    Channel channel() {
        return channel;
    }

    /** Takes (and acks) every message now in the queue. */
    List<GetResponse> drain() throws Exception {
        List<GetResponse> out = new ArrayList<>();
        for (GetResponse r = channel.basicGet(name, true); r != null; r = channel.basicGet(name, true)) {
            out.add(r);
        }
        return out;
    }

    @Override
    public void close() throws IOException, TimeoutException {
        try {
            channel.queueDelete(name);
        } finally {
            connection.close();
        }
    }
}
