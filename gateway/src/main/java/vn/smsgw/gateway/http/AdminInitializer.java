package vn.smsgw.gateway.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one admin connection: TLS when configured, an idle timeout, the HTTP/1.1 codec, an aggregator that
 * caps a request at {@value #MAX_REQUEST_BYTES} bytes of body (larger ones get 413), and an {@link AdminHandler}.
 */
final class AdminInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final AdminRoutes routes;
    private final Executor workers;
    private final Duration idleTimeout;
    private final AdminAuth auth;
    /** Null for plain HTTP. */
    private final SslContext tls;

    AdminInitializer(AdminRoutes routes, Executor workers, Duration idleTimeout, AdminAuth auth, SslContext tls) {
        this.routes = routes;
        this.workers = workers;
        this.idleTimeout = idleTimeout;
        this.auth = auth;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        if (tls != null) {
            p.addLast(tls.newHandler(channel.alloc()));
        }
        p.addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        p.addLast(new HttpServerCodec());
        p.addLast(new RequestSizeLimit(MAX_REQUEST_BYTES));
        p.addLast(new AdminHandler(routes, workers, auth));
    }
}
