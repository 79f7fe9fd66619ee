package vn.smsgw.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import vn.smsgw.dispatch.intake.ReportFlag;
import vn.smsgw.dispatch.intake.StoredPart;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.gateway.report.ParseResultJson;
import vn.smsgw.parser.number.Msisdn;

/**
 * The JSON object of one stored message in the reports API, a public interface of smsgw. Fields, always in this
 * order: {@code id}, {@code caseId}, {@code shortCode}, {@code reporter} (masked, {@code 84912***678}),
 * {@code command}, {@code source}, {@code sourceType}, {@code carrier}, {@code content}, {@code error},
 * {@code receivedAt} (ISO-8601, milliseconds, at +07:00), {@code flags} (names, in declaration order).
 *
 * <p>{@code command} … {@code error} carry the values {@code smsgw parse} prints for the same text
 * ({@link ParseResultJson}): for an accepted report {@code error} is null; for a rejected message {@code source},
 * {@code sourceType}, {@code carrier} and {@code content} are null and {@code command} is null unless a command was
 * recognised. Stateless and thread-safe.
 */
final class ReportJson {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.ofHours(7));
    private static final char REPLACEMENT = '\uFFFD';

    private ReportJson() {
    }

    static void write(JsonGenerator json, StoredReport r) throws IOException {
        json.writeStartObject();
        writeFields(json, r);
        json.writeEndObject();
    }

    /**
     * A report with the parts that came after it was stored incomplete: {@code "lateParts":[{"part","of","text",
     * "receivedAt"}]}, in the order they came ({@code text} is a binary part's hex).
     */
    static void write(JsonGenerator json, StoredReport r, List<StoredPart> lateParts) throws IOException {
        json.writeStartObject();
        writeFields(json, r);
        json.writeArrayFieldStart("lateParts");
        for (StoredPart p : lateParts) {
            json.writeStartObject();
            json.writeNumberField("part", p.seq());
            json.writeNumberField("of", p.total());
            json.writeStringField("text", wellFormed(p.content().text()));
            json.writeStringField("receivedAt", TIME.format(p.receivedAt()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeFields(JsonGenerator json, StoredReport r) throws IOException {
        boolean rejected = !r.error().isEmpty();
        json.writeNumberField("id", r.id());
        json.writeStringField("caseId", r.caseId().value());
        json.writeStringField("shortCode", r.shortCode());
        json.writeStringField("reporter", maskedReporter(r.reporter()));
        nullable(json, ParseResultJson.COMMAND, r.command().isEmpty() ? null : r.command());
        nullable(json, ParseResultJson.SOURCE, rejected ? null : r.source());
        nullable(json, ParseResultJson.SOURCE_TYPE, rejected ? null : r.sourceType());
        nullable(json, ParseResultJson.CARRIER, rejected ? null : r.carrier());
        nullable(json, ParseResultJson.CONTENT, rejected ? null : r.content());
        nullable(json, ParseResultJson.ERROR, rejected ? r.error() : null);
        json.writeStringField("receivedAt", TIME.format(r.receivedAt()));
        json.writeArrayFieldStart("flags");
        for (ReportFlag flag : r.flags().isEmpty() ? EnumSet.noneOf(ReportFlag.class) : EnumSet.copyOf(r.flags())) {
            json.writeString(flag.name());
        }
        json.writeEndArray();
    }

    /** The stored reporter (E.164 with {@code +}, or the raw address) masked like {@link Msisdn#masked()}. */
    static String maskedReporter(String reporter) {
        return Msisdn.mask(reporter.startsWith("+") ? reporter.substring(1) : reporter);
    }

    private static void nullable(JsonGenerator json, String field, String value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(wellFormed(value));
        }
    }

    /*
     * As in ParseResultJson: the generator combines surrogate pairs into 4-byte UTF-8, which is only correct when
     * no surrogate is unpaired, so unpaired ones become U+FFFD first.
     */
    private static String wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return replaceUnpaired(s);
            }
        }
        return s;
    }

    private static String replaceUnpaired(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return b.toString();
    }
}
