package vn.smsgw.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import vn.smsgw.gateway.report.ParseResultJson;

/**
 * JSON responses of the admin API, written with the generator settings of {@link ParseResultJson} (UTF-8, emoji
 * unescaped). Error bodies are {@code {"error":"<message>"}}, plus {@code "parameter"} for a bad parameter.
 */
final class JsonResponses {
    static final String CONTENT_TYPE = "application/json";

    /** Writes one JSON value. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonResponses() {
    }

    static AdminResponse ok(JsonBody body) {
        return of(HttpResponseStatus.OK, body);
    }

    static AdminResponse of(HttpResponseStatus status, JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = ParseResultJson.generator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory", e);
        }
        return new AdminResponse.Full(status, CONTENT_TYPE, out.toByteArray());
    }

    static AdminResponse error(HttpResponseStatus status, String message) {
        return of(status, json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        });
    }

    static AdminResponse badParameter(BadParameterException e) {
        return of(HttpResponseStatus.BAD_REQUEST, json -> {
            json.writeStartObject();
            json.writeStringField("error", e.getMessage());
            json.writeStringField("parameter", e.parameter());
            json.writeEndObject();
        });
    }
}
