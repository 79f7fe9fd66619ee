package vn.smsgw.gateway.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Perl interop SMSC ({@code src/test/perl/smsc.pl}, on Net::SMPP) as a child process on an ephemeral port; what
 * it prints is collected as it comes. Thread-safe.
 */
final class PerlSmsc implements AutoCloseable {

    /** A submit_sm it accepted: addresses, data_coding, registered_delivery, its message id and the raw body. */
    record Submit(String dst, String src, int dataCoding, int registeredDelivery, String messageId, byte[] body) {
        /** The body as text: UCS-2 (data_coding 8) or, for GSM-7 replies of plain letters, bytes as characters. */
        String text() {
            return new String(body, dataCoding == 8 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
        }
    }

    private final Process process;
    private final Path log;
    private final int port;
    private final List<Submit> submits = new ArrayList<>();
    private final Map<Integer, Integer> moResponses = new TreeMap<>();
    private final Map<Integer, Integer> receiptResponses = new TreeMap<>();
    private final List<String> badLines = new ArrayList<>();
    private int binds;
    private int refused;

    private PerlSmsc(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the SMSC with the script's arguments ({@code mo=100}, ...) and waits until it listens. */
    static PerlSmsc start(PerlToolchain.Installed perl, Path logDir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(perl.perl().toString()));
        if (!perl.perl5lib().isEmpty()) {
            command.add("-I" + perl.perl5lib());
        }
        command.add(perl.script().toString());
        command.addAll(List.of(arguments));
        Path log = logDir.resolve("perl-smsc.log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first;
        try {
            p.getOutputStream().close();
            first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
        if (first == null || !first.startsWith("PORT ")) {
            p.destroyForcibly();
            throw new IllegalStateException("the Perl SMSC did not start: " + first + "; " + Files.readString(log));
        }
        PerlSmsc smsc = new PerlSmsc(p, log, Integer.parseInt(first.substring(5).strip()));
        Thread reader = new Thread(() -> smsc.read(out), "perl-smsc-out");
        reader.setDaemon(true);
        reader.start();
        return smsc;
    }

    private void read(BufferedReader out) {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                try {
                    take(line.split(" "));
                } catch (RuntimeException e) { // kept for toString(), and the reading goes on so the pipe never fills
                    synchronized (this) {
                        badLines.add(line + " (" + e + ")");
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private synchronized void take(String[] f) {
        switch (f[0]) {
            case "BOUND" -> binds++;
            case "REFUSED" -> refused++;
            case "MO_RESP" -> moResponses.merge(Integer.parseInt(f[1]), 1, Integer::sum);
            case "RECEIPT_RESP" -> receiptResponses.merge(Integer.parseInt(f[1]), 1, Integer::sum);
            case "SUBMIT" -> submits.add(new Submit(f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5],
                    f.length > 6 ? HexFormat.of().parseHex(f[6]) : new byte[0]));
            default -> throw new IllegalStateException("unknown line from the Perl SMSC: " + String.join(" ", f));
        }
    }

    int port() {
        return port;
    }

    synchronized int binds() {
        return binds;
    }

    synchronized int refused() {
        return refused;
    }

    synchronized List<Submit> submits() {
        return List.copyOf(submits);
    }

    /** deliver_sm_resp to MO by command_status. */
    synchronized Map<Integer, Integer> moResponses() {
        return Map.copyOf(moResponses);
    }

    /** deliver_sm_resp to receipts by command_status. */
    synchronized Map<Integer, Integer> receiptResponses() {
        return Map.copyOf(receiptResponses);
    }

    synchronized int moAnswered() {
        return moResponses.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public synchronized String toString() {
        return "PerlSmsc[binds=" + binds + ", refused=" + refused + ", mo=" + moResponses + ", submits="
                + submits.size() + ", receipts=" + receiptResponses + (badLines.isEmpty() ? "" : ", unreadable lines="
                + badLines) + "]";
    }

    /** The SMSC's own log (stderr). */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
