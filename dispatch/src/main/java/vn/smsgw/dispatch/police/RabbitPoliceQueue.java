package vn.smsgw.dispatch.police;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes police cases to the RabbitMQ quorum queue {@link RabbitPoliceConfig#queue()} (durable,
 * {@code x-queue-type=quorum}, declared on every connect) through the default exchange: persistent messages,
 * {@code messageId} = case id, {@code application/json}, mandatory, with publisher confirms. {@link #publish}
 * returns only when the broker confirmed the whole batch; a nack, an unroutable return, a timeout or a lost
 * connection throw, and the connection is dropped and opened again on the next call. One {@link PoliceRelay} drives
 * it; {@link #close} may come from another thread, and ends a publish in progress (it throws) and every later one; a
 * connection still being opened (at most the factory's connect and handshake timeouts) ends once it is open.
 *
 * <p>Consumers must dedupe by {@code messageId}: a case is published again when the confirm was lost (connection
 * closed after the broker stored it, or the process died before recording it as sent).
 */
public final class RabbitPoliceQueue implements PolicePublisher, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RabbitPoliceQueue.class);

    private final RabbitPoliceConfig config;
    private final ConnectionFactory factory;
    private volatile Connection connection;
    private volatile Channel channel;
    private volatile boolean closed;
    private final AtomicInteger returned = new AtomicInteger();

    public RabbitPoliceQueue(RabbitPoliceConfig config) {
        this.config = config;
        this.factory = config.connectionFactory();
    }

    @Override
    public void publish(List<PoliceDelivery> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            Channel ch = channel();
            returned.set(0);
            for (PoliceDelivery d : batch) {
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .contentType("application/json")
                        .contentEncoding("UTF-8")
                        .messageId(d.caseId())
                        .type("police-case")
                        .build();
                ch.basicPublish("", config.queue(), true, props, d.payload().getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(config.confirmTimeout().toMillis());
            if (returned.get() > 0) {
                throw new IOException(returned.get() + " police cases were returned unroutable by queue "
                        + config.queue());
            }
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            disconnect();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof IOException io ? io
                    : new IOException("publishing to RabbitMQ failed: " + e, e);
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        if (closed) {
            throw new IOException("the police queue's publisher is closed");
        }
        Channel open = channel;
        if (open != null && open.isOpen()) {
            return open;
        }
        disconnect();
        Connection c = factory.newConnection("smsgw-police");
        connection = c; // at once, so that a close from now on aborts it, whichever of the two comes first
        if (closed) {
            disconnect();
            throw new IOException("the police queue's publisher is closed");
        }
        RabbitPoliceConfig.abortWhenBlocked(c, "police");
        try {
            Channel ch = c.createChannel();
            ch.queueDeclare(config.queue(), true, false, false, Map.of("x-queue-type", "quorum"));
            ch.confirmSelect();
            ch.addReturnListener(r -> returned.incrementAndGet());
            channel = ch;
            log.info("police queue connected to RabbitMQ {}:{}, queue {}", config.host(), config.port(),
                    config.queue());
            return ch;
        } catch (IOException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    private void disconnect() {
        Connection c = connection;
        connection = null;
        channel = null;
        if (c != null) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.abort(1_000);
        } catch (RuntimeException e) {
            log.debug("closing the RabbitMQ connection failed: {}", e.toString());
        }
    }

    /** Closes the connection, from any thread: a publish in progress fails, and so does every later one. */
    @Override
    public void close() {
        closed = true;
        disconnect();
    }
}
