package vn.smsgw.gateway.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP server: health, Prometheus metrics and the JSON APIs of {@link AdminRoutes}, on Netty. Start it with
 * {@link #start}; close it once at shutdown. Thread-safe.
 *
 * <p>It binds to loopback by default. Off loopback it takes a bearer token ({@link AdminSettings#token()}) and
 * serves HTTPS ({@link AdminSettings#tls()}), for carriers' blocklist pollers and the police queue consumer.
 */
public final class AdminServer implements AutoCloseable {

    /*
     * Threads: one acceptor, two event loops for the sockets, and a bounded pool of workerThreads for the endpoint
     * actions, which block on the store (JDBC) and must not run on an event loop. When the pool and its queue
     * (16 per worker) are full a request is answered 503 at once. close() stops accepting, lets running actions
     * finish and write their answers for up to 5 seconds, then closes the connections.
     */

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private static final int QUEUE_PER_WORKER = 16;
    private static final long SHUTDOWN_SECONDS = 5;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup sockets;
    private final ThreadPoolExecutor workers;
    private final Channel channel;

    private AdminServer(EventLoopGroup acceptor, EventLoopGroup sockets, ThreadPoolExecutor workers, Channel channel) {
        this.acceptor = acceptor;
        this.sockets = sockets;
        this.workers = workers;
        this.channel = channel;
    }

    /**
     * Binds to {@code settings.host():settings.port()} and serves {@code routes}.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static AdminServer start(AdminSettings settings, AdminRoutes routes) {
        // read before any thread starts: a bad certificate, key or token list stops the start with what is wrong
        SslContext tls = settings.tls().enabled() ? settings.tls().context() : null;
        AdminAuth auth = settings.auth();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(),
                0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.workerThreads() * QUEUE_PER_WORKER),
                new DefaultThreadFactory("smsgw-admin-worker", true));
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("smsgw-admin-accept", true));
        EventLoopGroup sockets = new NioEventLoopGroup(2, new DefaultThreadFactory("smsgw-admin-io", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, sockets)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childHandler(new AdminInitializer(routes, workers, settings.idleTimeout(), auth, tls));
        try {
            Channel channel = bootstrap.bind(settings.host(), settings.port()).syncUninterruptibly().channel();
            AdminServer server = new AdminServer(acceptor, sockets, workers, channel);
            log.info("admin {} listening on {}:{}", tls == null ? "HTTP" : "HTTPS", settings.host(), server.port());
            return server;
        } catch (Exception e) { // Netty rethrows the BindException undeclared
            shutdown(acceptor, sockets, workers);
            IOException cause = e instanceof IOException io ? io : new IOException(e);
            throw new UncheckedIOException("cannot listen for admin HTTP on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), cause);
        }
    }

    /** The bound port (the ephemeral one when started with port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops listening, waits (up to 5 s) for running requests, then closes open connections. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        shutdown(acceptor, sockets, workers);
        log.info("admin HTTP stopped");
    }

    private static void shutdown(EventLoopGroup acceptor, EventLoopGroup sockets, ThreadPoolExecutor workers) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        acceptor.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        sockets.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        sockets.terminationFuture().awaitUninterruptibly(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    }
}
