package vn.smsgw.gateway.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.Report;

/**
 * The JSON object of one {@link ParseResult}, a public interface of smsgw. Field order is fixed:
 * <pre>
 * {"ok":true,"command":"LD","source":"+84912345678","sourceType":"MOBILE","carrier":"VINAPHONE","content":"..."}
 * {"ok":false,"command":"S","error":"INVALID_NUMBER"}
 * {"ok":false,"command":null,"error":"UNKNOWN_COMMAND"}
 * </pre>
 * Enum values are written by their constant names. Stateless and thread-safe.
 */
public final class ParseResultJson {

    /*
     * Fields are written one by one on a streaming JsonGenerator: no reflection, no intermediate tree, and the
     * field order is the order of the calls below.
     *
     * Strings are made well-formed UTF-16 before they are written: an unpaired surrogate becomes U+FFFD, the same
     * replacement that undecodable input bytes get. Without this, Jackson either escapes every surrogate (emoji
     * would appear as two escapes) or, with COMBINE_UNICODE_SURROGATES_IN_UTF8, merges an unpaired high surrogate
     * with the following character into a wrong code point. With unpaired surrogates gone, combining is safe and
     * emoji are written as plain UTF-8. Jackson escapes control characters itself.
     */

    /** Field name: {@code true} for a report, {@code false} for a rejection. */
    public static final String OK = "ok";
    /** Field name: {@code S}, {@code V}, {@code LD}, or null in a rejection without a recognised command. */
    public static final String COMMAND = "command";
    /** Field name: the reported source's value (reports only). */
    public static final String SOURCE = "source";
    /** Field name: the {@link vn.smsgw.parser.number.SourceType} (reports only). */
    public static final String SOURCE_TYPE = "sourceType";
    /** Field name: the allocated {@link vn.smsgw.parser.number.Carrier} (reports only). */
    public static final String CARRIER = "carrier";
    /** Field name: the report's free text, possibly empty (reports only). */
    public static final String CONTENT = "content";
    /** Field name: the {@link vn.smsgw.parser.report.Rejection} (rejections only). */
    public static final String ERROR = "error";

    private static final char REPLACEMENT = '\uFFFD';

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();

    private ParseResultJson() {
    }

    /**
     * A UTF-8 generator on {@code out} that writes emoji unescaped, puts nothing between root values and does not
     * close {@code out} when it is closed. Not thread-safe.
     */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    /** Writes {@code result} as one JSON object, without a line break. */
    public static void write(JsonGenerator json, ParseResult result) throws IOException {
        json.writeStartObject();
        if (result instanceof ParseResult.Parsed parsed) {
            writeReport(json, parsed.report());
        } else {
            writeRejection(json, (ParseResult.Rejected) result);
        }
        json.writeEndObject();
    }

    private static void writeReport(JsonGenerator json, Report report) throws IOException {
        Source source = report.source();
        json.writeBooleanField(OK, true);
        json.writeStringField(COMMAND, report.command().name());
        json.writeStringField(SOURCE, wellFormed(source.value()));
        json.writeStringField(SOURCE_TYPE, source.type().name());
        json.writeStringField(CARRIER, source.carrier().name());
        json.writeStringField(CONTENT, wellFormed(report.content()));
    }

    private static void writeRejection(JsonGenerator json, ParseResult.Rejected rejected) throws IOException {
        json.writeBooleanField(OK, false);
        json.writeFieldName(COMMAND);
        if (rejected.command().isPresent()) {
            json.writeString(rejected.command().get().name());
        } else {
            json.writeNull();
        }
        json.writeStringField(ERROR, rejected.reason().name());
    }

    /** {@code s} with every unpaired surrogate replaced by U+FFFD; {@code s} itself when it has none. */
    static String wellFormed(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !Character.isSurrogate(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(i + 1));
                i += 2;
            } else {
                b.append(Character.isSurrogate(c) ? REPLACEMENT : c);
                i++;
            }
        }
        return b.toString();
    }
}
