package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * Opens SMPP connections with a connect timeout and TCP_NODELAY, which jsmpp's default factory sets neither of
 * (every PDU is written and flushed on its own, so Nagle's algorithm only adds latency).
 */
final class TunedConnectionFactory implements ConnectionFactory {

    private final int connectTimeoutMillis;

    TunedConnectionFactory(Duration connectTimeout) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
