package vn.smsgw.gateway.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/** Client sockets with TCP_NODELAY and a 5 s connect timeout, for the bare jsmpp sessions of the benchmarks. */
final class NoDelayConnections implements ConnectionFactory {

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        return new SocketConnection(socket);
    }
}
