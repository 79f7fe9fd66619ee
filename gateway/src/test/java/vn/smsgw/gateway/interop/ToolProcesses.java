package vn.smsgw.gateway.interop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Finding and running the outside tools the interop tests need (Node.js and npm, Perl, apt-get). */
final class ToolProcesses {

    private ToolProcesses() {
    }

    /** How a tool is found or installed. */
    @FunctionalInterface
    interface Install<T> {
        T run() throws Unavailable;
    }

    /** A tool found or installed at most once per test JVM, or why it cannot be; thread-safe. */
    static final class Once<T> {
        private final Install<T> install;
        private final String needs;
        private final String ciNeeds;
        private final String howToRun;
        private T installed;
        private String unavailable;

        /** {@code needs}, {@code ciNeeds} and {@code howToRun} word the failure or skip ({@link #failOrSkip}). */
        Once(Install<T> install, String needs, String ciNeeds, String howToRun) {
            this.install = install;
            this.needs = needs;
            this.ciNeeds = ciNeeds;
            this.howToRun = howToRun;
        }

        /** The tool; fails (CI) or skips the calling test when it cannot be had. */
        synchronized T require() {
            if (installed == null && unavailable == null) {
                try {
                    installed = install.run();
                } catch (Unavailable e) {
                    unavailable = e.getMessage();
                }
            }
            if (unavailable != null) {
                failOrSkip(needs + ": " + unavailable, ciNeeds, howToRun);
            }
            return installed;
        }
    }

    /**
     * Fails the calling test when {@code CI=true} ({@code ciNeeds} says what CI must have), else skips it with
     * {@code howToRun}: a test that cannot run proves nothing, and CI must not pass without it.
     */
    static void failOrSkip(String why, String ciNeeds, String howToRun) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(why + " (CI=true: " + ciNeeds + ")");
        }
        Assumptions.abort(why + "; skipped outside CI (" + howToRun + ")");
    }

    static Path executable(String variable, String name) throws Unavailable {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isExecutable(p)) {
                throw new Unavailable(variable + "=" + configured + " is not an executable file");
            }
            return p;
        }
        Optional<Path> found = onPath(name);
        return found.orElseThrow(() -> new Unavailable(
                "'" + name + "' is not on PATH (" + System.getenv("PATH") + ") and " + variable + " is not set"));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs a command to completion within {@code timeout}; returns its output. The output goes to {@code log} when
     * given (and its end into the failure message).
     */
    static String run(List<String> command, Path dir, Duration timeout, Path log) throws Unavailable {
        Path out = null;
        try {
            out = log != null ? log : Files.createTempFile("smsgw-tool", ".out");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().put("npm_config_update_notifier", "false");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new Unavailable(String.join(" ", command) + " did not finish within " + timeout
                        + tail(out));
            }
            if (p.exitValue() != 0) {
                throw new Unavailable(String.join(" ", command) + " exited with " + p.exitValue() + tail(out));
            }
            return Files.readString(out);
        } catch (IOException e) {
            throw new Unavailable("cannot run " + String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while running " + String.join(" ", command));
        } finally {
            if (log == null && out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return "; output (" + file + "):\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15),
                    lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Why a tool cannot be had. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
