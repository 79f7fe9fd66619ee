package vn.smsgw.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --http-port=70000     | port must be 0..65535: 70000
            --rate=-1             | moRate must be at least 0: -1
            --count=-5            | --count must be 0 or more
            --campaign-size=-1    | --campaign-size must be 0 or more
            --duration=soon       | --duration must look like 30s, 5m or 1h, not 'soon'
            """)
    void demo_badOption_isAUsageErrorBeforeAnythingStarts(String option, String message) {
        Path store = dir.resolve("store");

        CliRun r = CliRun.of(new ByteArrayInputStream(new byte[0]), "demo", option, "--data-dir", store.toString());

        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(message), r.err());
        assertFalse(Files.exists(store), "no store made");
    }
}
