package vn.smsgw.dispatch.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP proxy to a real service, to stage broker outages. It listens on its port from construction to
 * {@link #close()}, so no other socket can take the port between a stop and a start. While stopped it resets every
 * connection it accepts (the client sees the broker drop it before the handshake); {@link #stop()} also closes every
 * forwarded connection, and once it returns no connection is forwarded until {@link #start()}.
 * {@link #cutNextConnectionAfter} closes the next forwarded connection once that many bytes went upstream, i.e. in
 * the middle of a publish.
 */
public final class TcpProxy implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new ArrayList<>();
    private boolean forwarding;
    private volatile boolean holdingDown;
    private long cutAfter = -1;

    /** A stopped proxy listening on a free loopback port. */
    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "tcp-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public synchronized void cutNextConnectionAfter(long upstreamBytes) {
        cutAfter = upstreamBytes;
    }

    /**
     * While {@code hold}, bytes from the target are not passed on to the clients (answers never arrive), and the
     * connections stay open; passed on again once released.
     */
    public void holdDownstream(boolean hold) {
        holdingDown = hold;
    }

    /** Forwards the connections accepted from now on. */
    public synchronized void start() {
        forwarding = true;
    }

    /** Closes every forwarded connection; connections accepted from now on are reset until {@link #start()}. */
    public synchronized void stop() {
        forwarding = false;
        for (Socket sock : open) {
            closeQuietly(sock);
        }
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            // decided under the lock that stop() takes, so a connection is never forwarded after stop() returned
            synchronized (this) {
                if (!forwarding) {
                    reset(client);
                    continue;
                }
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(targetHost, targetPort), CONNECT_TIMEOUT_MILLIS);
                } catch (IOException e) {
                    closeQuietly(upstream);
                    reset(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                long budget = cutAfter;
                cutAfter = -1;
                pump(client, upstream, budget, "up");
                pump(upstream, client, -1, "down");
            }
        }
    }

    private void pump(Socket from, Socket to, long budget, String direction) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            long passed = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    while (holdingDown && direction.equals("down") && !to.isClosed()) {
                        Thread.sleep(5);
                    }
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
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        stop();
    }

    /** Closes with an RST instead of a FIN, as a host does for a port nobody serves. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
