package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import vn.smsgw.dispatch.blocklist.BlocklistEvent;
import vn.smsgw.dispatch.blocklist.BlocklistExport;
import vn.smsgw.dispatch.blocklist.BlocklistName;

/**
 * {@code GET /api/blocklist/{list}}: the full export of a list ({@code VIETTEL}, {@code SENDER}, ...; case-insensitive)
 * as JSON, or as CSV with {@code ?format=csv} or {@code Accept: text/csv}; streamed in chunks. {@code ?format=json}
 * forces JSON. {@code GET /api/blocklist/{list}/changes?after=&limit=}: the change feed after event {@code after}
 * (default 0), at most {@code limit} (1–10000, default 1000) events, as {@code {"events":[...],"next":<seq>}}.
 * An unknown list is 404.
 */
final class BlocklistEndpoint implements Endpoint {
    static final String CSV = "text/csv; charset=utf-8";
    static final int DEFAULT_CHANGES = 1000;

    private final BlocklistExport export;

    BlocklistEndpoint(BlocklistExport export) {
        this.export = Objects.requireNonNull(export, "export");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get(AdminScope.BLOCKLISTS, "/api/blocklist/{list}", this::entries),
                Route.get(AdminScope.BLOCKLISTS, "/api/blocklist/{list}/changes", this::changes));
    }

    private AdminResponse entries(AdminRequest request) {
        Optional<String> list = list(request);
        if (list.isEmpty()) {
            return unknownList(request);
        }
        String name = list.get();
        if (wantsCsv(request)) {
            return new AdminResponse.Streamed(HttpResponseStatus.OK, CSV, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                export.writeCsv(name, writer);
                writer.flush();
            });
        }
        return new AdminResponse.Streamed(HttpResponseStatus.OK, JsonResponses.CONTENT_TYPE,
                out -> export.writeJson(name, out));
    }

    private static boolean wantsCsv(AdminRequest request) {
        Optional<String> format = request.param("format");
        if (format.isEmpty()) {
            return request.accepts("text/csv");
        }
        return switch (format.get().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new BadParameterException("format", "format must be csv or json");
        };
    }

    private AdminResponse changes(AdminRequest request) {
        Optional<String> list = list(request);
        if (list.isEmpty()) {
            return unknownList(request);
        }
        long after = request.longParam("after", 0, 0, Long.MAX_VALUE);
        int limit = request.intParam("limit", DEFAULT_CHANGES, 1, BlocklistExport.MAX_CHANGES);
        List<BlocklistEvent> events = export.changes(list.get(), after, limit);
        long next = events.isEmpty() ? after : events.get(events.size() - 1).seq();
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("events");
            for (BlocklistEvent e : events) {
                json.writeStartObject();
                json.writeNumberField("seq", e.seq());
                json.writeStringField("list", e.list());
                json.writeStringField("source", e.source());
                json.writeStringField("sourceType", e.sourceType().name());
                json.writeStringField("kind", e.kind().name());
                json.writeStringField("reason", e.reason());
                json.writeStringField("at", BlocklistExport.time(e.at()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("next", next);
            json.writeEndObject();
        });
    }

    private static Optional<String> list(AdminRequest request) {
        String name = request.pathParam("list").toUpperCase(Locale.ROOT);
        return BlocklistName.isValid(name) ? Optional.of(name) : Optional.empty();
    }

    private static AdminResponse unknownList(AdminRequest request) {
        return JsonResponses.error(HttpResponseStatus.NOT_FOUND, "no blocklist named " + request.pathParam("list"));
    }
}
