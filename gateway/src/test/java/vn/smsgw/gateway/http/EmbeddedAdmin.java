package vn.smsgw.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The admin pipeline (codec, aggregator, handler) on an {@link EmbeddedChannel}, fed raw request bytes, with a
 * response decoder on the other side. Actions run on the calling thread.
 */
final class EmbeddedAdmin {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final EmbeddedChannel server;
    private final EmbeddedChannel client =
            new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(16 * 1024 * 1024));

    EmbeddedAdmin(AdminRoutes routes, Executor workers) {
        server = new EmbeddedChannel(new HttpServerCodec(),
                new RequestSizeLimit(AdminInitializer.MAX_REQUEST_BYTES),
                new AdminHandler(routes, workers, AdminAuth.none()));
    }

    EmbeddedAdmin(Endpoint... endpoints) {
        this(AdminRoutes.of(List.of(endpoints)), Runnable::run);
    }

    /** A response as the client decoded it. */
    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    Response get(String uri, String... headerLines) {
        return single("GET", uri, headerLines);
    }

    Response post(String uri, String... headerLines) {
        return single("POST", uri, headerLines);
    }

    Response single(String method, String uri, String... headerLines) {
        List<Response> responses = raw(request(method, uri, headerLines));
        if (responses.size() != 1) {
            throw new AssertionError("expected one response, got " + responses.size());
        }
        return responses.get(0);
    }

    static String request(String method, String uri, String... headerLines) {
        StringBuilder b = new StringBuilder(method).append(' ').append(uri).append(" HTTP/1.1\r\nHost: test\r\n");
        for (String h : headerLines) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString();
    }

    /** Writes {@code text} as received bytes and returns the bytes written back, as ISO-8859-1 text, undecoded. */
    String rawOut(String text) {
        server.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
        server.runPendingTasks();
        StringBuilder b = new StringBuilder();
        ByteBuf out;
        while ((out = server.readOutbound()) != null) {
            try {
                b.append(out.toString(StandardCharsets.ISO_8859_1));
            } finally {
                out.release();
            }
        }
        return b.toString();
    }

    /** Writes {@code text} as received bytes and returns every response written back. */
    List<Response> raw(String text) {
        server.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
        server.runPendingTasks();
        ByteBuf out;
        while ((out = server.readOutbound()) != null) {
            client.writeInbound(out);
        }
        List<Response> responses = new ArrayList<>();
        FullHttpResponse r;
        while ((r = client.readInbound()) != null) {
            try {
                responses.add(new Response(r.status().code(), r.headers().copy(),
                        r.content().toString(StandardCharsets.UTF_8)));
            } finally {
                r.release();
            }
        }
        return responses;
    }
}
