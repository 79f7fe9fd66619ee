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
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;

/**
 * Relays the change feed ({@code blocklist_event}) to the durable topic exchange {@value #EXCHANGE}, routing key =
 * list name (e.g. {@code VIETTEL}), one persistent JSON message per event with message id = seq. Thread-safe.
 *
 * <p>At least once, nothing lost. The relay's cursor (the last seq it published) is a row of
 * {@code blocklist_cursor} in the shared database, not process state. A round reads the events after the cursor,
 * publishes them with publisher confirms, and only after every confirm arrived moves the cursor forward, with a
 * conditional update that never moves it back. With RabbitMQ down the round fails, the cursor stays and the next
 * round retries on a new connection. Several processes may relay at once: each may publish an event twice, never skip
 * one (consumers drop duplicates by message id). No event can appear later below the cursor because event inserts are
 * serialised at commit (see {@link JdbcBlocklistStore}). The exchange has no queues of its own: each carrier binds a
 * durable queue to its routing key; events published before a binding existed are not delivered to it.
 */
public final class RabbitBlocklistFeed implements AutoCloseable {
    public static final String EXCHANGE = "smsgw.blocklist";
    static final String CURSOR = "rabbit";
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(RabbitBlocklistFeed.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Database database;
    private final ConnectionFactory factory;
    private final Duration confirmTimeout;
    private final JdbcBlocklistStore store = new JdbcBlocklistStore();
    private final AtomicLong failedRounds = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private Connection connection;
    private Channel channel;

    /** A relay over {@code database} to the broker {@code factory} connects to; call {@link #start} to run it. */
    public RabbitBlocklistFeed(Database database, ConnectionFactory factory, Duration confirmTimeout) {
        this.database = database;
        this.factory = factory;
        this.confirmTimeout = confirmTimeout;
    }

    /** Runs rounds every {@code interval} on a daemon thread until {@link #close()}. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "blocklist-feed-rabbit");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::drain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drain() {
        try {
            while (publishPending() == BATCH) {
                log.debug("blocklist feed: more events pending");
            }
        } catch (RuntimeException e) {
            if (failedRounds.incrementAndGet() == 1 || failedRounds.get() % 100 == 0) {
                log.warn("blocklist feed to RabbitMQ failed ({} failed rounds), will retry: {}", failedRounds.get(),
                        e.getMessage());
            }
        }
    }

    /**
     * One round: publishes up to {@value #BATCH} events after the cursor and advances the cursor once all are
     * confirmed; returns how many were published.
     *
     * @throws UncheckedIOException when the broker is unreachable or does not confirm; the cursor is unchanged
     */
    public synchronized int publishPending() {
        long cursor = cursor();
        List<BlocklistEvent> events = database.read(tx -> store.changesOfAllLists(tx, cursor, BATCH));
        if (events.isEmpty()) {
            return 0;
        }
        try {
            Channel ch = channel();
            for (BlocklistEvent e : events) {
                ch.basicPublish(EXCHANGE, e.list(), properties(e), body(e));
            }
            ch.waitForConfirmsOrDie(confirmTimeout.toMillis());
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            disconnect();
            throw new UncheckedIOException("RabbitMQ publish failed: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disconnect();
            throw new UncheckedIOException(new IOException("interrupted while waiting for confirms", e));
        }
        advance(events.get(events.size() - 1).seq());
        failedRounds.set(0);
        return events.size();
    }

    /** The last seq confirmed by the broker (0 before the first). */
    public long cursor() {
        return database.inTransaction(tx -> {
            var c = JdbcTx.of(tx).connection();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO blocklist_cursor (name, seq) VALUES (?, 0) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, CURSOR);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM blocklist_cursor WHERE name = ?")) {
                ps.setString(1, CURSOR);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Rounds failed in a row since the last success. */
    public long failedRounds() {
        return failedRounds.get();
    }

    private void advance(long seq) {
        database.inTransaction(tx -> {
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                    "UPDATE blocklist_cursor SET seq = ? WHERE name = ? AND seq < ?")) {
                ps.setLong(1, seq);
                ps.setString(2, CURSOR);
                ps.setLong(3, seq);
                return ps.executeUpdate();
            }
        });
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        disconnect();
        connection = factory.newConnection("smsgw-blocklist-feed");
        channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true);
        channel.confirmSelect();
        log.info("blocklist feed connected to RabbitMQ {}:{}", factory.getHost(), factory.getPort());
        return channel;
    }

    private void disconnect() {
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

    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            disconnect();
        }
    }
}
