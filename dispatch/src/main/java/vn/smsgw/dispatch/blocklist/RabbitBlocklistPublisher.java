package vn.smsgw.dispatch.blocklist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.police.RabbitPoliceConfig;

/**
 * {@link BlocklistEventPublisher} on RabbitMQ: the durable topic exchange {@value #EXCHANGE}, routing key = list name
 * (e.g. {@code VIETTEL}), one persistent JSON message per event with message id = seq, publisher confirms. The
 * exchange has no queues of its own: each carrier binds a durable queue to its routing key; events published before a
 * binding existed are not delivered to it. Not thread-safe.
 */
public final class RabbitBlocklistPublisher implements BlocklistEventPublisher {
    public static final String EXCHANGE = "smsgw.blocklist";

    private static final Logger log = LoggerFactory.getLogger(RabbitBlocklistPublisher.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final ConnectionFactory factory;
    private final Duration confirmTimeout;
    private Connection connection;
    private Channel channel;

    /** A publisher to the broker {@code factory} connects to, waiting at most {@code confirmTimeout} for confirms. */
    public RabbitBlocklistPublisher(ConnectionFactory factory, Duration confirmTimeout) {
        this.factory = factory;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public void publish(List<BlocklistEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        try {
            Channel ch = channel();
            for (BlocklistEvent e : events) {
                ch.basicPublish(EXCHANGE, e.list(), properties(e), body(e));
            }
            ch.waitForConfirmsOrDie(confirmTimeout.toMillis());
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            close();
            throw new IOException("RabbitMQ publish failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while waiting for confirms", e);
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        close();
        connection = factory.newConnection("smsgw-blocklist-feed");
        // the broker settings' rule, shared with the police queue: a blocked connection is aborted, not waited on
        RabbitPoliceConfig.abortWhenBlocked(connection, "blocklist-feed");
        channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true);
        channel.confirmSelect();
        log.info("blocklist feed connected to RabbitMQ {}:{}", factory.getHost(), factory.getPort());
        return channel;
    }

    @Override
    public void close() {
        Connection c = connection;
        connection = null;
        channel = null;
        if (c != null) {
            try {
                c.abort(1_000);
            } catch (RuntimeException e) {
                log.debug("closing RabbitMQ connection: {}", e.getMessage());
            }
        }
    }

    private static AMQP.BasicProperties properties(BlocklistEvent e) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .messageId(Long.toString(e.seq()))
                .type(e.kind().name())
                .timestamp(Date.from(e.at()))
                .build();
    }

    /** The message body: {@code {seq, list, source, sourceType, event, reason, at}}, UTF-8 JSON. */
    static byte[] body(BlocklistEvent e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", e.seq());
            g.writeStringField("list", e.list());
            g.writeStringField("source", e.source());
            g.writeStringField("sourceType", e.sourceType().name());
            g.writeStringField("event", e.kind().name());
            g.writeStringField("reason", e.reason());
            g.writeStringField("at", BlocklistExport.time(e.at()));
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
