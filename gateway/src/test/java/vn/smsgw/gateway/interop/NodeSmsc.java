package vn.smsgw.gateway.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The interop SMSC ({@code src/test/node/smsc.js}, on the npm {@code smpp} package) as a child process: SMPP on an
 * ephemeral port, controlled over HTTP. The child exits when this handle closes its stdin.
 */
final class NodeSmsc implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger STARTED = new AtomicInteger();

    private final Process process;
    private final Path log;
    private final int smppPort;
    private final URI control;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One MO message; {@code coding} is {@code gsm} or {@code ucs2}; {@code parts} > 1 sends it concatenated (UDH). */
    record Mo(String src, String dst, String text, String coding, int parts) {
    }

    /**
     * A submit_sm the SMSC accepted, its text as the npm package decoded it, the message id it gave, and its
     * validity_period as the package read it (ISO 8601, "" for none).
     */
    record Submit(String src, String dst, int dataCoding, int esmClass, String text, String messageId,
                  boolean receipt, String validity) {
    }

    private NodeSmsc(Process process, Path log, int smppPort, int httpPort) {
        this.process = process;
        this.log = log;
        this.smppPort = smppPort;
        this.control = URI.create("http://127.0.0.1:" + httpPort);
    }

    /** Starts the SMSC with the script's options (e.g. {@code --throttle-every=5}) and waits until it listens. */
    static NodeSmsc start(NodeToolchain.Installed node, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(node.node().toString(), "smsc.js"));
        command.addAll(List.of(options));
        Path log = node.dir().resolve("smsc-" + STARTED.incrementAndGet() + ".log");
        Process p = new ProcessBuilder(command).directory(node.dir().toFile())
                .redirectError(log.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "node-smsc-stdout");
        reader.setDaemon(true);
        reader.start();
        String line = lines.poll(START.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || !line.startsWith("LISTENING ")) {
            p.destroyForcibly();
            throw new IllegalStateException("the Node SMSC did not start within " + START + " (first line: " + line
                    + ", exit: " + (p.isAlive() ? "running" : p.exitValue()) + "); stderr: "
                    + Files.readString(log));
        }
        JsonNode ports = JSON.readTree(line.substring("LISTENING ".length()));
        return new NodeSmsc(p, log, ports.get("smpp").asInt(), ports.get("http").asInt());
    }

    int port() {
        return smppPort;
    }

    /** Queues the messages as deliver_sm on the bound sessions. */
    void send(List<Mo> messages) {
        post("/mo", Map.of("messages", messages));
    }

    /** Queues {@code count} copies of {@code text}, each from its own reporter: {@code firstSrc}, +1, ... */
    void burst(int count, long firstSrc, String dst, String text) {
        post("/burst", Map.of("count", count, "firstSrc", Long.toString(firstSrc), "dst", dst, "text", text,
                "coding", "gsm"));
    }

    /** The SMSC's counters as {@code smsc.js} documents them. */
    NodeStats stats() {
        return new NodeStats(get("/stats"));
    }

    /** Every submit_sm the SMSC accepted, in arrival order. */
    List<Submit> submits() {
        try {
            return List.of(JSON.treeToValue(get("/submits"), Submit[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode get(String path) {
        return exchange(HttpRequest.newBuilder(control.resolve(path)).GET());
    }

    private void post(String path, Object body) {
        try {
            exchange(HttpRequest.newBuilder(control.resolve(path)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("Node SMSC answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The child's stderr so far, for failure messages. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    /** Closes the child's stdin (it exits on its own), then ends it if it is still there after 5 s. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
