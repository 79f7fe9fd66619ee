package vn.smsgw.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void help_always_listsParseSubcommand() {
        CliRun run = run("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("(?s).*\\n\\s+parse\\s+Parses 156/5656 reports.*"), run.out());
    }

    @Test
    void version_always_printsProjectVersion() {
        CliRun run = run("--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("smsgw \\d+\\.\\d+\\.\\d+\\S*\\R"), run.out());
    }

    @Test
    void helpSubcommand_withParse_printsParseUsage() {
        CliRun run = run("help", "parse");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--text=MESSAGE"), run.out());
    }

    @Test
    void bench_badOptionValue_exitsWithTwoNamingTheOption() {
        String[][] cases = {
            {"bench", "inbound", "--warmup-percent", "95"},
            {"bench", "inbound", "--store", "mysql"},
            {"bench", "inbound", "--side", "gatway"},
            {"bench", "inbound", "--submit-tps", "0"},
            {"bench", "intake", "--store", "sqlite,mysql"},
            {"bench", "intake", "--writers", "17"},
            {"bench", "intake", "--writers", "-1"},
            {"bench", "outbound", "--sides", "bare,disk"},
            {"bench", "campaign", "--tps", "-1"},
        };
        String[] named = {"--warmup-percent", "--store", "--side", "--submit-tps", "--store", "--writers", "--writers",
            "--sides", "--tps"};
        for (int i = 0; i < cases.length; i++) {
            CliRun run = run(cases[i]);

            assertEquals(2, run.exitCode(), String.join(" ", cases[i]));
            assertTrue(run.err().startsWith(named[i]), run.err());
            assertTrue(run.err().contains("Usage: smsgw bench"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void main_noSubcommand_exitsWithTwoAndPrintsUsage() {
        CliRun run = run();

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: smsgw"), run.err());
    }

    @Test
    void main_unknownSubcommand_exitsWithTwo() {
        CliRun run = run("frobnicate");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("frobnicate"), run.err());
    }

    private static CliRun run(String... args) {
        return CliRun.of(new ByteArrayInputStream(new byte[0]), message -> {
            throw new AssertionError("not parsing in this test");
        }, args);
    }
}
