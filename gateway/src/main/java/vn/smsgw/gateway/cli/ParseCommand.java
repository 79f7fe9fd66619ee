package vn.smsgw.gateway.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.smsgw.gateway.report.ParseResultJson;
import vn.smsgw.parser.report.ParseResult;

/** {@code smsgw parse}: parses messages from stdin or {@code --text} and writes one JSON object per message. */
@Command(
        name = "parse",
        description = {
            "Parses 156/5656 reports and writes one JSON object per message, one per line, in input order.",
            "Reads UTF-8 from stdin, one message per line (LF or CRLF; empty lines included; the two characters"
                    + " \\n stand for a newline; invalid UTF-8 is replaced)."
        })
final class ParseCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(
            names = "--text",
            paramLabel = "MESSAGE",
            description = "Parse MESSAGE instead of reading stdin (\\n stands for a newline). Repeatable.")
    private List<String> texts;

    private final InputStream in;
    private final OutputStream out;
    private final Function<String, ParseResult> parser;

    ParseCommand(InputStream in, OutputStream out, Function<String, ParseResult> parser) {
        this.in = in;
        this.out = out;
        this.parser = parser;
    }

    @Override
    public Integer call() throws IOException {
        try (JsonGenerator json = ParseResultJson.generator(out)) {
            if (texts == null) {
                MessageLines messages = MessageLines.utf8(in, json);
                for (String message = messages.next(); message != null; message = messages.next()) {
                    writeLine(json, message);
                }
            } else {
                for (String text : texts) {
                    writeLine(json, MessageLines.unescapeNewlines(text));
                }
            }
        }
        return 0;
    }

    private void writeLine(JsonGenerator json, String message) throws IOException {
        ParseResultJson.write(json, parser.apply(message));
        json.writeRaw('\n');
    }
}
