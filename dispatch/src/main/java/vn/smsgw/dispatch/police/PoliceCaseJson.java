package vn.smsgw.dispatch.police;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The JSON document of a {@link PoliceCase}, as stored in the outbox and delivered to the police. Thread-safe.
 *
 * <p>Fields, always in this order: {@code schemaVersion} (= {@link PoliceCase#SCHEMA_VERSION}), {@code caseId},
 * {@code command}, {@code offender}, {@code offenderType}, {@code carrier}, {@code content}, {@code rawText},
 * {@code reporter}, {@code shortCode}, {@code receivedAt} (ISO-8601, millisecond precision, always at +07:00, e.g.
 * {@code 2025-03-01T10:15:30.000+07:00}), {@code reporters}, {@code escalated}. The order is fixed by writing with a
 * streaming generator rather than by reflection, so a consumer may diff documents byte for byte.
 */
public final class PoliceCaseJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private PoliceCaseJson() {
    }

    /** The document for {@code policeCase}; {@code receivedAt} is rendered at +07:00 (same instant). */
    public static String write(PoliceCase policeCase) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", PoliceCase.SCHEMA_VERSION);
            g.writeStringField("caseId", policeCase.caseId());
            g.writeStringField("command", policeCase.command());
            g.writeStringField("offender", policeCase.offender());
            g.writeStringField("offenderType", policeCase.offenderType());
            g.writeStringField("carrier", policeCase.carrier());
            g.writeStringField("content", policeCase.content());
            g.writeStringField("rawText", policeCase.rawText());
            g.writeStringField("reporter", policeCase.reporter());
            g.writeStringField("shortCode", policeCase.shortCode());
            g.writeStringField("receivedAt", TIME.format(policeCase.receivedAt().withOffsetSameInstant(VIETNAM)));
            g.writeNumberField("reporters", policeCase.reporters());
            g.writeBooleanField("escalated", policeCase.escalated());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a police case to a string", e);
        }
        return out.toString();
    }

    /**
     * The case in {@code json}.
     *
     * @throws IllegalArgumentException when it is not a police case document of schema version 1
     */
    public static PoliceCase parse(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON document", e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a police case must be a JSON object");
        }
        int version = required(n, "schemaVersion").asInt(-1);
        if (version != PoliceCase.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported schemaVersion " + required(n, "schemaVersion"));
        }
        try {
            return new PoliceCase(
                    text(n, "caseId"), text(n, "command"), text(n, "offender"), text(n, "offenderType"),
                    text(n, "carrier"), text(n, "content"), text(n, "rawText"), text(n, "reporter"),
                    text(n, "shortCode"), OffsetDateTime.parse(text(n, "receivedAt")),
                    integer(n, "reporters"), bool(n, "escalated"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("receivedAt is not an ISO-8601 time with an offset", e);
        }
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return v;
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isInt()) {
            throw new IllegalArgumentException("field " + field + " must be an integer");
        }
        return v.intValue();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("field " + field + " must be true or false");
        }
        return v.booleanValue();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field " + field + " must be a string");
        }
        return v.asText();
    }
}
