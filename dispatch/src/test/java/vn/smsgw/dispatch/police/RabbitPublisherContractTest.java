package vn.smsgw.dispatch.police;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.smsgw.dispatch.store.TcpProxy;
import vn.smsgw.dispatch.store.TestServices;

/** The police publisher contract on RabbitMQ (127.0.0.1:5672), through a proxy that can cut the connection. */
class RabbitPublisherContractTest extends PolicePublisherContract {
    private RabbitTestQueue rabbit;
    private TcpProxy proxy;
    private RabbitPoliceQueue queue;
    private final List<String> received = new ArrayList<>();

    @Override
    PolicePublisher open() throws Exception {
        rabbit = new RabbitTestQueue();
        // declared as the publisher declares it, so that it can be read before the first publish
        rabbit.channel().queueDeclare(rabbit.name, true, false, false, Map.of("x-queue-type", "quorum"));
        proxy = new TcpProxy(TestServices.RABBIT_HOST, TestServices.RABBIT_PORT);
        proxy.start();
        queue = new RabbitPoliceQueue(rabbit.config().withPort(proxy.port()));
        return queue;
    }

    @Override
    List<String> received() throws Exception {
        rabbit.drain().forEach(r -> received.add(r.getProps().getMessageId()));
        return List.copyOf(received);
    }

    @Override
    void reachable(boolean up) throws Exception {
        if (up) {
            proxy.start();
        } else {
            proxy.stop();
        }
    }

    @Override
    void close() throws Exception {
        queue.close();
        proxy.close();
        rabbit.close();
    }
}
