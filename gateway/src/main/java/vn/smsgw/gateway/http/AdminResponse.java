package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** What an endpoint answers: a whole body, or a body written in chunks as it is produced. */
sealed interface AdminResponse permits AdminResponse.Full, AdminResponse.Streamed {

    HttpResponseStatus status();

    String contentType();

    /** A response whose body is already in memory. */
    record Full(HttpResponseStatus status, String contentType, byte[] body) implements AdminResponse {
        public Full {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A response sent with chunked transfer encoding: the status and headers first, then whatever {@code body} writes,
     * in bounded pages with back-pressure from the client. A failure after the headers are sent can only close the
     * connection, so the client sees a truncated body.
     */
    record Streamed(HttpResponseStatus status, String contentType, Body body) implements AdminResponse {
        public Streamed {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }

    /** Writes a streamed body; must not close {@code out}. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
