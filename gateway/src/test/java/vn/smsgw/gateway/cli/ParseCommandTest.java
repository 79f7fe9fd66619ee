package vn.smsgw.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.report.Command;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.Rejection;
import vn.smsgw.parser.report.Report;

/** {@code smsgw parse} with a stand-in parser that echoes each message as the content of an S report. */
class ParseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parse_threeLines_writesOneJsonLinePerLineInOrder() {
        CliRun run = parse("first\nsecond\nthird\n");

        assertEquals(List.of("first", "second", "third"), contents(run));
    }

    @Test
    void parse_emptyLines_writeOneRejectionEach() {
        CliRun run = parse("a\n\n\nb\n");

        assertEquals(List.of(
                echo("a"),
                "{\"ok\":false,\"command\":null,\"error\":\"EMPTY_MESSAGE\"}",
                "{\"ok\":false,\"command\":null,\"error\":\"EMPTY_MESSAGE\"}",
                echo("b")), run.outLines());
    }

    @Test
    void parse_parsedMessage_writesFieldsInDocumentedOrder() {
        CliRun run = parse("hello\n");

        assertEquals(List.of("{\"ok\":true,\"command\":\"S\",\"source\":\"ECHO\",\"sourceType\":\"BRANDNAME\","
                + "\"carrier\":\"UNKNOWN\",\"content\":\"hello\"}"), run.outLines());
    }

    @Test
    void parse_unrecognisedCommand_writesNullCommand() {
        CliRun run = parse("?XYZ\n");

        assertEquals(List.of("{\"ok\":false,\"command\":null,\"error\":\"UNKNOWN_COMMAND\"}"), run.outLines());
    }

    @Test
    void parse_backslashN_isParsedAsNewline() {
        CliRun run = parse("S 0912345678\\nvay tien\n");

        assertEquals(List.of("S 0912345678\nvay tien"), contents(run));
    }

    @Test
    void parse_realNewlineInsideText_isNotAnEscape() {
        CliRun run = parse("a\\\\n b\n");

        assertEquals(List.of("a\\\n b"), contents(run));
    }

    @Test
    void parse_invalidUtf8_isReplacedAndLaterLinesSurvive() {
        byte[] input = {'a', (byte) 0xFF, 'b', '\n', (byte) 0xC3, '\n', 'c', '\n'};

        CliRun run = parse(input);

        assertEquals(List.of("a\uFFFDb", "\uFFFD", "c"), contents(run));
    }

    @Test
    void parse_vietnameseUtf8_isDecoded() {
        CliRun run = parse("LD 0912345678 giả danh công an\n");

        assertEquals(List.of("LD 0912345678 giả danh công an"), contents(run));
    }

    @Test
    void parse_crlfLines_dropCarriageReturn() {
        CliRun run = parse("a\r\n\r\nb\r\n");

        assertEquals(List.of(echo("a"), "{\"ok\":false,\"command\":null,\"error\":\"EMPTY_MESSAGE\"}", echo("b")),
                run.outLines());
    }

    @Test
    void parse_twoCarriageReturns_dropOnlyOne() {
        CliRun run = parse("a\r\r\n");

        assertEquals(List.of("a\r"), contents(run));
    }

    @Test
    void parse_loneCarriageReturn_doesNotEndTheLine() {
        CliRun run = parse("a\rb\n");

        assertEquals(List.of("a\rb"), contents(run));
    }

    @Test
    void parse_lastLineWithoutLineBreak_isParsed() {
        CliRun run = parse("a\nb");

        assertEquals(List.of("a", "b"), contents(run));
    }

    @Test
    void parse_lastLineWithoutLineBreakEndingInCarriageReturn_dropsIt() {
        CliRun run = parse("a\r");

        assertEquals(List.of("a"), contents(run));
    }

    @Test
    void parse_trailingLineBreak_addsNoEmptyMessage() {
        CliRun run = parse("a\n");

        assertEquals(1, run.outLines().size());
    }

    @Test
    void parse_singleLineBreak_isOneEmptyMessage() {
        CliRun run = parse("\n");

        assertEquals(List.of("{\"ok\":false,\"command\":null,\"error\":\"EMPTY_MESSAGE\"}"), run.outLines());
    }

    @Test
    void parse_emptyInput_writesNothing() {
        CliRun run = parse("");

        assertEquals(0, run.exitCode());
        assertEquals("", run.out());
    }

    @Test
    void parse_linesAcrossReadChunks_areKeptWhole() {
        List<String> lines = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String line = "m" + i + "-" + "x".repeat((i * 997) % 20_000);
            lines.add(line);
            input.append(line).append('\n');
        }

        CliRun run = parse(input.toString());

        assertEquals(lines, contents(run));
    }

    @Test
    void parse_multiByteCharactersAcrossReadChunks_areDecoded() {
        String line = "ệ".repeat(10_000);

        CliRun run = parse(line + "\n" + line);

        assertEquals(List.of(line, line), contents(run));
    }

    @Test
    void parse_inputIdle_flushesAnswersBeforeWaiting() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IdleAfterFirstLine in = new IdleAfterFirstLine("first\n", out);

        int exitCode = Main.commandLine(in, out, OutputStream.nullOutputStream(), ParseCommandTest::echoParser)
                .execute("parse");

        assertEquals(0, exitCode);
        assertEquals(echo("first") + "\n", in.outputWhenWaiting);
    }

    @Test
    void parse_success_exitsWithZeroAndWritesNothingToStderr() {
        CliRun run = parse("a\n");

        assertEquals(0, run.exitCode());
        assertEquals("", run.err());
    }

    @Test
    void parse_textOption_parsesTextAndIgnoresStdin() {
        CliRun run = parse("from stdin\n", "--text", "S 0912345678 hi");

        assertEquals(List.of("S 0912345678 hi"), contents(run));
    }

    @Test
    void parse_textOptionTwice_writesOneLineEachInOrder() {
        CliRun run = parse("", "--text", "one", "--text", "two");

        assertEquals(List.of("one", "two"), contents(run));
    }

    @Test
    void parse_emptyTextOption_writesOneRejection() {
        CliRun run = parse("", "--text", "");

        assertEquals(List.of("{\"ok\":false,\"command\":null,\"error\":\"EMPTY_MESSAGE\"}"), run.outLines());
    }

    @Test
    void parse_textOptionWithBackslashN_isParsedAsNewline() {
        CliRun run = parse("", "--text", "a\\nb");

        assertEquals(List.of("a\nb"), contents(run));
    }

    @Test
    void parse_unknownOption_exitsWithTwo() {
        CliRun run = parse("", "--no-such-option");

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("--no-such-option"), run.err());
    }

    @Test
    void parse_textOptionWithoutValue_exitsWithTwo() {
        CliRun run = parse("", "--text");

        assertEquals(2, run.exitCode());
    }

    @Test
    void parse_failingOutput_exitsWithOneAndReportsTheError() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = Main.commandLine(input("a\n"), failing, err, ParseCommandTest::echoParser).execute("parse");

        assertEquals(1, exitCode);
        assertEquals("smsgw parse: Broken pipe\n", err.toString(StandardCharsets.UTF_8));
    }

    private static CliRun parse(String stdin, String... options) {
        return parse(stdin.getBytes(StandardCharsets.UTF_8), options);
    }

    private static CliRun parse(byte[] stdin, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "parse";
        System.arraycopy(options, 0, args, 1, options.length);
        return CliRun.of(new ByteArrayInputStream(stdin), ParseCommandTest::echoParser, args);
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty: EMPTY_MESSAGE; starting with '?': UNKNOWN_COMMAND; otherwise an S report whose content is the text. */
    private static ParseResult echoParser(String message) {
        if (message.isEmpty()) {
            return ParseResult.Rejected.of(Rejection.EMPTY_MESSAGE);
        }
        if (message.startsWith("?")) {
            return ParseResult.Rejected.of(Rejection.UNKNOWN_COMMAND);
        }
        return new ParseResult.Parsed(new Report(Command.S, Source.brandname("ECHO"), message));
    }

    private static String echo(String content) {
        return "{\"ok\":true,\"command\":\"S\",\"source\":\"ECHO\",\"sourceType\":\"BRANDNAME\","
                + "\"carrier\":\"UNKNOWN\",\"content\":\"" + content + "\"}";
    }

    private static List<String> contents(CliRun run) {
        List<String> contents = new ArrayList<>();
        for (String line : run.outLines()) {
            try {
                JsonNode node = JSON.readTree(line);
                contents.add(node.get("content").asText());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return contents;
    }

    /** Serves one line, then reports nothing available and records the output at the moment it is read again. */
    private static final class IdleAfterFirstLine extends InputStream {
        private final ByteArrayInputStream first;
        private final ByteArrayOutputStream out;
        private String outputWhenWaiting;

        IdleAfterFirstLine(String line, ByteArrayOutputStream out) {
            this.first = new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
            this.out = out;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (first.available() > 0) {
                return first.read(b, off, len);
            }
            outputWhenWaiting = out.toString(StandardCharsets.UTF_8);
            return -1;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
