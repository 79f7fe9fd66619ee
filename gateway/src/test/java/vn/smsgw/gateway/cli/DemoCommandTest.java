package vn.smsgw.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_smallRun_acknowledgesEveryReportAndSummarises() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new DemoCommand()).execute("--count", "300", "--rate", "0", "--duration", "10s",
                    "--http-port", "0", "--data-dir", dir.toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        assertTrue(out.contains("MO acknowledged by the gateway: 300 of 300"), out);
        assertTrue(out.contains("replies: sent 300, delivered 300, failed 0"), out);
        assertTrue(out.contains("police cases:"), out);
    }
}
