package vn.smsgw.dispatch.police;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy to a real service, to stage broker outages: while stopped its port refuses connections;
 * {@link #stop()} also closes every open connection; {@link #cutNextConnectionAfter} closes the next connection
 * once that many bytes went upstream, i.e. in the middle of a publish.
 */
final class TcpProxy implements AutoCloseable {
    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong cutAfter = new AtomicLong(-1);
    private volatile ServerSocket server;

    /** A stopped proxy on a free loopback port. */
    TcpProxy(String targetHost, int targetPort) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    int port() {
        return port;
    }

    void cutNextConnectionAfter(long upstreamBytes) {
        cutAfter.set(upstreamBytes);
    }

    synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        Thread t = new Thread(() -> accept(s), "tcp-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                long budget = cutAfter.getAndSet(-1);
                pump(client, upstream, budget, "up");
                pump(upstream, client, -1, "down");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, long budget, String direction) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            long passed = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    if (budget >= 0 && passed + n > budget) {
                        out.write(buf, 0, (int) (budget - passed));
                        break;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                    passed += n;
                }
            } catch (IOException e) {
                // the other side is gone; close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    synchronized void stop() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
        for (Socket sock : open) {
            closeQuietly(sock);
        }
        open.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
