package vn.smsgw.gateway.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Properties;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.gateway.config.ConfigException;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.ReportParser;

/**
 * The {@code smsgw} command and its subcommands. Exit codes: 0 success, 1 I/O failure or internal error, 2 usage
 * error.
 */
@Command(
        name = "smsgw",
        mixinStandardHelpOptions = true,
        description = "SMS gateway for the 156/5656 spam and fraud reporting short codes.")
public final class Main implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Runs {@code smsgw} with {@code args} on the process's standard streams and exits with its exit code. */
    public static void main(String[] args) {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.exit(commandLine(System.in, stdout, System.err).execute(args));
    }

    /** The {@code smsgw} command line with the report parser, reading {@code in} and writing UTF-8. */
    static CommandLine commandLine(InputStream in, OutputStream out, OutputStream err) {
        ReportParser parser = new ReportParser();
        return commandLine(in, out, err, parser::parse);
    }

    /** The {@code smsgw} command line reading {@code in} and writing {@code out} and {@code err} as UTF-8. */
    static CommandLine commandLine(
            InputStream in, OutputStream out, OutputStream err, Function<String, ParseResult> parser) {
        CommandLine commandLine = new CommandLine(new Main())
                .addSubcommand(new ParseCommand(in, out, parser))
                .addSubcommand(new RunCommand())
                .addSubcommand(new DemoCommand())
                .addSubcommand(new SimulateSmscCommand())
                .addSubcommand(new CampaignCommand())
                .addSubcommand(new vn.smsgw.gateway.bench.BenchCommand())
                .addSubcommand(new CommandLine.HelpCommand());
        commandLine.getCommandSpec().version("smsgw " + version());
        commandLine.setOut(utf8Writer(out));
        commandLine.setErr(utf8Writer(err));
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            if (e instanceof ConfigException) {
                // a bad configuration file or flag, found after the command line parsed: the key named, as at start
                failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": configuration error: "
                        + e.getMessage());
                return 2;
            }
            if (e instanceof StorageException) {
                // the store unreachable or failing: its message, not a stack trace
                failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": store error: " + e.getMessage());
                return 1;
            }
            if (e instanceof IOException || e instanceof UncheckedIOException) {
                IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + describe(io));
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** An I/O failure in words: the file system's exceptions carry only the path as their message. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileSystemException fs && fs.getReason() == null) {
            return "cannot use " + fs.getFile() + " (" + e.getClass().getSimpleName() + ")";
        }
        return e.getMessage();
    }

    private static PrintWriter utf8Writer(OutputStream out) {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
