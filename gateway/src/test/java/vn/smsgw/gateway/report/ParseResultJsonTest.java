package vn.smsgw.gateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.Rejection;
import vn.smsgw.parser.report.Report;

class ParseResultJsonTest {

    @Test
    void write_parsedMobile_writesAllFieldsInDocumentedOrder() throws IOException {
        Source source = new Source("+84912345678", SourceType.MOBILE, Carrier.VINAPHONE);

        String json = json(parsed(Command.LD, source, "goi gia danh cong an"));

        assertEquals("{\"ok\":true,\"command\":\"LD\",\"source\":\"+84912345678\",\"sourceType\":\"MOBILE\","
                + "\"carrier\":\"VINAPHONE\",\"content\":\"goi gia danh cong an\"}", json);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void write_eachSourceType_writesValueTypeAndCarrier(SourceType type) throws IOException {
        Source source = sample(type);

        String json = json(parsed(Command.S, source, "x"));

        assertEquals("{\"ok\":true,\"command\":\"S\",\"source\":\"" + source.value() + "\",\"sourceType\":\""
                + type.name() + "\",\"carrier\":\"" + source.carrier().name() + "\",\"content\":\"x\"}", json);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void write_eachCarrier_writesConstantName(Carrier carrier) throws IOException {
        SourceType type = carrier == Carrier.UNKNOWN ? SourceType.FIXED : SourceType.MOBILE;
        Source source = new Source("+84912345678", type, carrier);

        String json = json(parsed(Command.V, source, ""));

        assertEquals("{\"ok\":true,\"command\":\"V\",\"source\":\"+84912345678\",\"sourceType\":\"" + type.name()
                + "\",\"carrier\":\"" + carrier.name() + "\",\"content\":\"\"}", json);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void write_eachCommand_writesConstantName(Command command) throws IOException {
        String json = json(parsed(command, Source.brandname("ABC"), "x"));

        assertEquals("{\"ok\":true,\"command\":\"" + command.name() + "\",\"source\":\"ABC\","
                + "\"sourceType\":\"BRANDNAME\",\"carrier\":\"UNKNOWN\",\"content\":\"x\"}", json);
    }

    @ParameterizedTest
    @EnumSource(Rejection.class)
    void write_eachRejection_writesErrorAndCommandOrNull(Rejection reason) throws IOException {
        ParseResult result = reason.hasCommand()
                ? ParseResult.Rejected.of(reason, Command.S)
                : ParseResult.Rejected.of(reason);

        String json = json(result);

        String command = reason.hasCommand() ? "\"S\"" : "null";
        assertEquals("{\"ok\":false,\"command\":" + command + ",\"error\":\"" + reason.name() + "\"}", json);
    }

    @Test
    void write_controlCharactersAndQuotes_areEscaped() throws IOException {
        String json = json(parsed(Command.S, Source.brandname("ABC"), "a\u0001b\tc\nd\"e\\f\u001f"));

        assertEquals("{\"ok\":true,\"command\":\"S\",\"source\":\"ABC\",\"sourceType\":\"BRANDNAME\","
                + "\"carrier\":\"UNKNOWN\",\"content\":\"a\\u0001b\\tc\\nd\\\"e\\\\f\\u001F\"}", json);
    }

    @Test
    void write_controlCharacters_roundTripThroughJsonParser() throws IOException {
        String content = "a\u0000b\r\n\t\u007f\u2028 \"\\ end";

        String json = json(parsed(Command.S, Source.brandname("ABC"), content));

        assertEquals(content, new ObjectMapper().readTree(json).get(ParseResultJson.CONTENT).asText());
    }

    @Test
    void write_vietnameseAndEmoji_areWrittenAsPlainUtf8() throws IOException {
        String json = json(parsed(Command.S, Source.brandname("ABC"), "Vay tiền nhanh \uD83D\uDCB0"));

        assertEquals("{\"ok\":true,\"command\":\"S\",\"source\":\"ABC\",\"sourceType\":\"BRANDNAME\","
                + "\"carrier\":\"UNKNOWN\",\"content\":\"Vay tiền nhanh \uD83D\uDCB0\"}", json);
    }

    @Test
    void write_loneHighSurrogateBeforeLetter_isReplacedNotCombined() throws IOException {
        String json = json(parsed(Command.S, Source.brandname("ABC"), "a\uD800b"));

        assertEquals("a\uFFFDb", new ObjectMapper().readTree(json).get(ParseResultJson.CONTENT).asText());
    }

    @Test
    void write_loneSurrogatesAtEdges_areReplaced() throws IOException {
        String json = json(parsed(Command.S, Source.brandname("ABC"), "\uDC00x\uD83D"));

        assertEquals("\uFFFDx\uFFFD", new ObjectMapper().readTree(json).get(ParseResultJson.CONTENT).asText());
    }

    @Test
    void wellFormed_noSurrogates_returnsSameInstance() {
        String text = "S 0912345678 lừa đảo";

        assertSame(text, ParseResultJson.wellFormed(text));
    }

    @Test
    void wellFormed_reversedPair_replacesBoth() {
        assertEquals("\uFFFD\uFFFD", ParseResultJson.wellFormed("\uDE00\uD83D"));
    }

    private static Source sample(SourceType type) {
        return switch (type) {
            case MOBILE -> new Source("+84912345678", type, Carrier.VINAPHONE);
            case FIXED -> new Source("+842838234567", type, Carrier.UNKNOWN);
            case SERVICE -> new Source("19001234", type, Carrier.UNKNOWN);
            case SHORT_CODE -> new Source("9029", type, Carrier.UNKNOWN);
            case INTERNATIONAL -> new Source("+12025550123", type, Carrier.UNKNOWN);
            case BRANDNAME -> Source.brandname("FE CREDIT");
        };
    }

    private static ParseResult parsed(Command command, Source source, String content) {
        return new ParseResult.Parsed(new Report(command, source, content));
    }

    private static String json(ParseResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = ParseResultJson.generator(out)) {
            ParseResultJson.write(json, result);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
