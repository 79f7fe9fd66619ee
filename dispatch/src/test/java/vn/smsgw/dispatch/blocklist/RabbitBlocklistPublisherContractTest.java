package vn.smsgw.dispatch.blocklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.smsgw.dispatch.store.TcpProxy;
import vn.smsgw.dispatch.store.TestServices;

/**
 * The blocklist event publisher contract on RabbitMQ (127.0.0.1:5672), through a proxy that can cut the connection,
 * read from a queue of its own bound to the exchange under VIETTEL and MOBIFONE.
 */
class RabbitBlocklistPublisherContractTest extends BlocklistEventPublisherContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Connection consumer;
    private Channel channel;
    private String queue;
    private TcpProxy proxy;
    private RabbitBlocklistPublisher rabbit;
    private final List<String> received = new ArrayList<>();


    @Override
    BlocklistEventPublisher open() throws Exception {
        TestServices.requireRabbit();
        consumer = TestServices.rabbitFactory(TestServices.RABBIT_PORT).newConnection("blocklist-publisher-contract");
        channel = consumer.createChannel();
        channel.exchangeDeclare(RabbitBlocklistPublisher.EXCHANGE, "topic", true);
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, RabbitBlocklistPublisher.EXCHANGE, "VIETTEL");
        channel.queueBind(queue, RabbitBlocklistPublisher.EXCHANGE, "MOBIFONE");
        proxy = new TcpProxy(TestServices.RABBIT_HOST, TestServices.RABBIT_PORT);
        proxy.start();
        rabbit = new RabbitBlocklistPublisher(TestServices.rabbitFactory(proxy.port()), Duration.ofSeconds(5));
        return rabbit;
    }

    @Override
    List<String> received() throws Exception {
        for (GetResponse m = channel.basicGet(queue, true); m != null; m = channel.basicGet(queue, true)) {
            JsonNode body = JSON.readTree(m.getBody());
            if (source.equals(body.get("source").asText())) {
                received.add(m.getEnvelope().getRoutingKey() + ":" + m.getProps().getMessageId());
            }
        }
        return List.copyOf(received);
    }

    @Override
    void reachable(boolean up) {
        if (up) {
            proxy.start();
        } else {
            proxy.stop();
        }
    }

    @Override
    void close() throws Exception {
        if (rabbit != null) {
            rabbit.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (consumer != null) {
            consumer.close();
        }
    }
}
