package vn.smsgw.gateway.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.StorageException;

/**
 * The admin server's request handler, one per connection: routes each request to its endpoint and writes the answer.
 * Unknown paths get 404, known paths with another method 405 (with {@code Allow}), bad parameters 400, a failing store
 * 503 and anything else 500, all with a JSON error body.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    /*
     * Endpoint actions run on the workers executor, never on the event loop: they read the store. One request per
     * connection is in flight at a time: auto-read is off while it runs, and requests a client pipelined into the
     * same read wait in `waiting` (only their method, uri and headers are kept, no buffers). Fields are touched on
     * the event loop only; write-future listeners run there.
     */

    private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
    /** Requests of one connection kept waiting behind the one served; beyond, the connection is closed. */
    static final int MAX_WAITING = 16;

    private final AdminRoutes routes;
    private final AdminAuth auth;
    private final Executor workers;
    private final Deque<Incoming> waiting = new ArrayDeque<>();
    private boolean busy;

    AdminHandler(AdminRoutes routes, Executor workers, AdminAuth auth) {
        this.auth = auth;
        this.routes = routes;
        this.workers = workers;
    }

    /** What is kept of a request until it is served. */
    private record Incoming(HttpMethod method, String uri, HttpHeaders headers, boolean keepAlive, boolean malformed) {
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        // an HTTP/1.0 client gets no keep-alive, and so (below) no chunked body, which HTTP/1.0 does not know
        boolean http11 = request.protocolVersion().majorVersion() == 1 && request.protocolVersion().minorVersion() >= 1;
        Incoming incoming = new Incoming(request.method(), request.uri(),
                new DefaultHttpHeaders().set(request.headers()), http11 && HttpUtil.isKeepAlive(request),
                !request.decoderResult().isSuccess());
        if (busy) {
            if (waiting.size() >= MAX_WAITING) {
                // a client that pipelines without reading its answers: Netty's aggregator may go on reading while a
                // body is half-received, so the queue would grow with whatever the client sends
                log.debug("admin connection {}: over {} pipelined requests waiting; closing it",
                        ctx.channel().remoteAddress(), MAX_WAITING);
                waiting.clear();
                ctx.close();
                return;
            }
            waiting.add(incoming);
            return;
        }
        busy = true;
        ctx.channel().config().setAutoRead(false);
        serve(ctx, incoming);
    }

    private void serve(ChannelHandlerContext ctx, Incoming in) {
        if (in.malformed()) {
            sendFull(ctx, JsonResponses.error(HttpResponseStatus.BAD_REQUEST, "malformed request"), false);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(in.uri());
        String path;
        try {
            path = uri.path();
        } catch (IllegalArgumentException e) { // a broken %-escape
            sendFull(ctx, JsonResponses.error(HttpResponseStatus.BAD_REQUEST, "malformed path"), in.keepAlive());
            return;
        }
        if (!auth.allows(path, in.headers())) {
            boolean given = AdminAuth.hasBearer(in.headers());
            FullHttpResponse response = full((AdminResponse.Full) JsonResponses.error(HttpResponseStatus.UNAUTHORIZED,
                    given ? "invalid bearer token" : "a bearer token is required"), in.keepAlive());
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE,
                    given ? "Bearer realm=\"smsgw\", error=\"invalid_token\"" : "Bearer realm=\"smsgw\"");
            write(ctx, response, in.keepAlive());
            return;
        }
        Map<String, List<String>> parameters;
        try {
            parameters = uri.parameters();
        } catch (IllegalArgumentException e) { // a broken %-escape in the query
            sendFull(ctx, JsonResponses.error(HttpResponseStatus.BAD_REQUEST, "malformed query"), in.keepAlive());
            return;
        }
        AdminRoutes.Match match = routes.match(in.method(), uri.rawPath());
        if (match instanceof AdminRoutes.Match.Found found && !auth.permits(found.route().scope(), in.headers())) {
            sendFull(ctx, JsonResponses.error(HttpResponseStatus.FORBIDDEN, "this token does not give access to "
                    + found.route().scope().configName()), in.keepAlive());
        } else if (match instanceof AdminRoutes.Match.Found found) {
            AdminRequest request = new AdminRequest(in.method(), uri.path(), found.pathParams(), parameters,
                    in.headers());
            try {
                workers.execute(() -> answer(ctx, found.route(), request, in.keepAlive()));
            } catch (RejectedExecutionException e) {
                sendFull(ctx, JsonResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "admin server busy"),
                        in.keepAlive());
            }
        } else if (match instanceof AdminRoutes.Match.MethodNotAllowed notAllowed) {
            AdminResponse.Full body = (AdminResponse.Full) JsonResponses.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "method " + in.method() + " not allowed");
            FullHttpResponse response = full(body, in.keepAlive());
            response.headers().set(HttpHeaderNames.ALLOW, notAllowed.allowed().stream().map(HttpMethod::name)
                    .sorted().collect(Collectors.joining(", ")));
            write(ctx, response, in.keepAlive());
        } else {
            sendFull(ctx, JsonResponses.error(HttpResponseStatus.NOT_FOUND, "no such resource"), in.keepAlive());
        }
    }

    /** Runs on a worker thread. */
    private void answer(ChannelHandlerContext ctx, Route route, AdminRequest request, boolean keepAlive) {
        AdminResponse response = act(route, request);
        log.debug("admin: {} {} -> {}", route.method(), route.pattern(), response.status().code());
        if (response instanceof AdminResponse.Streamed streamed) {
            stream(ctx, streamed, keepAlive);
        } else {
            sendFull(ctx, response, keepAlive);
        }
    }

    private static AdminResponse act(Route route, AdminRequest request) {
        try {
            return route.action().handle(request);
        } catch (BadParameterException e) {
            return JsonResponses.badParameter(e);
        } catch (StorageException e) {
            log.warn("admin: {} {}: store unavailable: {}", route.method(), route.pattern(), e.getMessage());
            return JsonResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "store unavailable");
        } catch (Exception e) {
            log.error("admin: {} {} failed", route.method(), route.pattern(), e);
            return JsonResponses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
        }
    }

    private void stream(ChannelHandlerContext ctx, AdminResponse.Streamed streamed, boolean keepAlive) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, streamed.status());
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, streamed.contentType());
        // on a connection kept open the body is chunked; else it runs to the close, which any HTTP version reads
        HttpUtil.setTransferEncodingChunked(head, keepAlive);
        HttpUtil.setKeepAlive(head, keepAlive);
        // the head goes out with the first chunk: a store that fails before any row is read is still a 503
        try (ChunkedBodyStream out = new ChunkedBodyStream(ctx.channel(), head)) {
            try {
                streamed.body().writeTo(out);
                out.finish().addListener((ChannelFuture f) -> done(ctx, f, keepAlive));
            } catch (Exception e) {
                if (out.headSent()) {
                    log.warn("admin: streamed response aborted: {}", e.toString());
                    ctx.close();
                } else {
                    sendFull(ctx, failure(e), keepAlive);
                }
            }
        }
    }

    /** The answer to a streamed body that failed before its first chunk. */
    private static AdminResponse failure(Exception e) {
        if (e instanceof StorageException || e.getCause() instanceof StorageException) {
            log.warn("admin: streamed response: store unavailable: {}", e.getMessage());
            return JsonResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "store unavailable");
        }
        log.error("admin: streamed response failed", e);
        return JsonResponses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    private void sendFull(ChannelHandlerContext ctx, AdminResponse response, boolean keepAlive) {
        write(ctx, full((AdminResponse.Full) response, keepAlive), keepAlive);
    }

    private static FullHttpResponse full(AdminResponse.Full body, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, body.status(),
                Unpooled.wrappedBuffer(body.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, body.contentType());
        HttpUtil.setContentLength(response, body.body().length);
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    private void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        ctx.writeAndFlush(response).addListener((ChannelFuture f) -> done(ctx, f, keepAlive));
    }

    /** Runs on the event loop once a response is written: serves the next waiting request, or reads again. */
    private void done(ChannelHandlerContext ctx, ChannelFuture written, boolean keepAlive) {
        if (!keepAlive || !written.isSuccess()) {
            ctx.close();
            return;
        }
        Incoming next = waiting.poll();
        if (next != null) {
            serve(ctx, next);
            return;
        }
        busy = false;
        ctx.channel().config().setAutoRead(true);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("admin: connection closed after an error: {}", cause.toString());
        ctx.close();
    }
}
