package vn.smsgw.dispatch.police;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * Where {@link RabbitPoliceQueue} publishes: broker address and credentials, the queue name (default
 * {@value #DEFAULT_QUEUE}) and how long to wait for the broker's confirms of one batch (default 5 s).
 */
public record RabbitPoliceConfig(
        String host, int port, String username, String password, String virtualHost, String queue,
        Duration confirmTimeout) {

    public static final String DEFAULT_QUEUE = "smsgw.police";

    public RabbitPoliceConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(virtualHost, "virtualHost");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (queue.isBlank()) {
            throw new IllegalArgumentException("queue must not be blank");
        }
        if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
            throw new IllegalArgumentException("confirmTimeout must be positive: " + confirmTimeout);
        }
    }

    /**
     * A connection factory for this broker, for every publisher that waits for confirms (police cases, blocklist
     * events): no automatic recovery, since a recovered channel has none of the old one's messages unconfirmed and a
     * wait for confirms on it would return at once, for messages lost with the old connection; 5 s connect and
     * handshake timeouts and 15 s heartbeats (the police queue's settings before they were shared), so that a dead
     * broker is noticed by the connection instead of a wait on it; channel operations (a queue declaration) time out
     * after 5 s.
     */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setHandshakeTimeout(5_000);
        factory.setRequestedHeartbeat(15);
        // a broker that holds a queue declaration or a confirm.select (a quorum queue without a leader) would
        // otherwise hold the publisher, its relay and the process's stop for the client's default of 10 minutes
        factory.setChannelRpcTimeout(5_000);
        return factory;
    }

    /**
     * Aborts {@code connection} as soon as the broker blocks it (a disk or memory alarm): a publisher's write would
     * otherwise block on the socket until the alarm clears, with no confirm timeout to end it, holding its relay and
     * the process's stop. Aborted, the publish fails, nothing is marked sent, and the relay tries again after its
     * backoff. The abort runs on a thread of its own, not on the connection's, which delivers the notice.
     */
    public static void abortWhenBlocked(Connection connection, String name) {
        connection.addBlockedListener(reason -> {
            Thread abort = new Thread(() -> connection.abort(1_000), "smsgw-rabbit-abort-" + name);
            abort.setDaemon(true);
            abort.start();
        }, () -> { });
    }

    /** Virtual host {@code /}, queue {@value #DEFAULT_QUEUE}, confirm timeout 5 s. */
    public static RabbitPoliceConfig of(String host, int port, String username, String password) {
        return new RabbitPoliceConfig(host, port, username, password, "/", DEFAULT_QUEUE, Duration.ofSeconds(5));
    }

    public RabbitPoliceConfig withQueue(String name) {
        return new RabbitPoliceConfig(host, port, username, password, virtualHost, name, confirmTimeout);
    }

    public RabbitPoliceConfig withPort(int newPort) {
        return new RabbitPoliceConfig(host, newPort, username, password, virtualHost, queue, confirmTimeout);
    }

    @Override
    public String toString() {
        return "RabbitPoliceConfig[" + username + "@" + host + ":" + port + virtualHost + ", queue=" + queue + "]";
    }
}
