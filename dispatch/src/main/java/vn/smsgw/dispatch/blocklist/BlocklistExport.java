package vn.smsgw.dispatch.blocklist;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a carrier consumes: the full export of a list's LISTED entries (CSV or JSON, streamed) and the change feed.
 * Exports carry the source, its type, the number of distinct reporters and the listing time (ISO-8601, +07:00); never
 * anything about the reporters themselves. Thread-safe.
 */
public final class BlocklistExport {
    /** Vietnam's offset, used for every exported time. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);
    public static final String CSV_HEADER = "list,source,source_type,reporters,listed_at";
    public static final int MAX_CHANGES = 10_000;

    private static final JsonFactory JSON = new JsonFactory();

    private final BlocklistStores stores;

    public BlocklistExport(BlocklistStores stores) {
        this.stores = stores;
    }

    /** Writes the list as CSV ({@link #CSV_HEADER}, one row per LISTED entry, ordered by source); does not close. */
    public void writeCsv(String list, Writer out) {
        BlocklistAdmin.requireList(list);
        stream(() -> {
            out.write(CSV_HEADER);
            out.write('\n');
            stores.transactions().read(tx -> {
                stores.entries().forEachListed(tx, list, e -> unchecked(() -> out.write(csvRow(e))));
                return null;
            });
            out.flush();
        });
    }

    private static String csvRow(ListedEntry e) {
        return e.list() + ',' + csvField(e.source()) + ',' + e.sourceType() + ',' + e.reporters() + ','
                + time(e.listedAt()) + '\n';
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Writes the list as a JSON array of {@code {list, source, sourceType, reporters, listedAt}} objects (UTF-8);
     * does not close.
     */
    public void writeJson(String list, OutputStream out) {
        BlocklistAdmin.requireList(list);
        stream(() -> {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                g.writeStartArray();
                stores.transactions().read(tx -> {
                    stores.entries().forEachListed(tx, list, e -> unchecked(() -> writeJson(g, e)));
                    return null;
                });
                g.writeEndArray();
            }
        });
    }

    private static void writeJson(JsonGenerator g, ListedEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("list", e.list());
        g.writeStringField("source", e.source());
        g.writeStringField("sourceType", e.sourceType().name());
        g.writeNumberField("reporters", e.reporters());
        g.writeStringField("listedAt", time(e.listedAt()));
        g.writeEndObject();
    }

    /** Up to {@code limit} (1–{@value #MAX_CHANGES}) events of {@code list} after {@code afterSeq}, in order. */
    public List<BlocklistEvent> changes(String list, long afterSeq, int limit) {
        BlocklistAdmin.requireList(list);
        if (limit < 1 || limit > MAX_CHANGES) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_CHANGES + ": " + limit);
        }
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must be >= 0: " + afterSeq);
        }
        return stores.transactions().read(tx -> stores.entries().changes(tx, list, afterSeq, limit));
    }

    /** An instant as exported: ISO-8601 at +07:00, e.g. {@code 2025-03-01T09:30:00+07:00}. */
    public static String time(Instant at) {
        return OffsetDateTime.ofInstant(at, OFFSET).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private interface IoWork {
        void run() throws IOException;
    }

    private static void unchecked(IoWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stream(IoWork work) {
        unchecked(work);
    }
}
