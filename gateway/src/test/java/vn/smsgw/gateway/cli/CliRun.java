package vn.smsgw.gateway.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import vn.smsgw.parser.report.ParseResult;

/** One in-process run of {@code smsgw}: its exit code and what it wrote to stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code smsgw args} with the report parser. */
    static CliRun of(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return finish(Main.commandLine(in, out, err).execute(args), out, err);
    }

    /** Runs {@code smsgw args} with {@code parser} standing in for the report parser. */
    static CliRun of(InputStream in, Function<String, ParseResult> parser, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return finish(Main.commandLine(in, out, err, parser).execute(args), out, err);
    }

    private static CliRun finish(int exitCode, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The lines of stdout, each without its LF; stdout is expected to end with LF unless empty. */
    List<String> outLines() {
        if (out.isEmpty()) {
            return List.of();
        }
        if (!out.endsWith("\n")) {
            throw new AssertionError("stdout does not end with a line break: " + out);
        }
        return List.of(out.substring(0, out.length() - 1).split("\n", -1));
    }
}
