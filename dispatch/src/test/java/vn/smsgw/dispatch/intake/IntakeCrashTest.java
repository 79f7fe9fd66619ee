package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;

/**
 * Kills a child JVM with SIGKILL while it accepts reports from many threads, then reopens its SQLite store: every
 * accept that had returned (printed ACK) must be there, exactly once, with its case id.
 */
class IntakeCrashTest {
    @TempDir
    Path dir;

    @Test
    void kill9_duringIntake_everyAcknowledgedReportSurvivesExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            Path data = dir.resolve("round" + round);
            Map<String, String> acked = runAndKill(data, 200 + random.nextInt(1500));
            assertTrue(acked.size() > 0, "child acknowledged nothing (seed " + seed + ")");
            try (Database db = Database.open(DatabaseConfig.sqlite(data))) {
                JdbcReportStore store = new JdbcReportStore(db);
                Map<String, Integer> seen = new HashMap<>();
                Map<String, String> caseOf = new HashMap<>();
                long after = 0;
                for (List<StoredReport> page; !(page = store.after(after, 5000)).isEmpty(); ) {
                    for (StoredReport r : page) {
                        String reporter = r.reporter().substring(1);
                        seen.merge(reporter, 1, Integer::sum);
                        caseOf.put(reporter, r.caseId().value());
                        after = r.id();
                    }
                }
                for (Map.Entry<String, String> e : acked.entrySet()) {
                    assertEquals(1, seen.getOrDefault(e.getKey(), 0),
                            "acknowledged report of " + e.getKey() + " stored " + seen.get(e.getKey()) + " times");
                    assertEquals(e.getValue(), caseOf.get(e.getKey()));
                }
                seen.values().forEach(n -> assertEquals(1, n));
            }
        }
    }

    private Map<String, String> runAndKill(Path data, int killAfterMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), data.toString(), "16"));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> acked = new HashMap<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            assertEquals("READY", line, "child did not start");
            // the kill is timed from the first acknowledgement, not from READY: a fresh JVM on a loaded machine may
            // take longer than the shortest delay to commit its first group, and a kill before it tests nothing
            while (acked.isEmpty()) {
                line = in.readLine();
                assertTrue(line != null, "child ended before acknowledging anything");
                record(acked, line);
            }
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(killAfterMillis);
            while (System.nanoTime() < killAt && (line = in.readLine()) != null) {
                record(acked, line);
            }
            kill9(child);
            while ((line = in.readLine()) != null) {
                record(acked, line); // lines written before the kill
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        return acked;
    }

    /** SIGKILL from outside, as an operator's kill -9; the JVM gets no chance to flush or close anything. */
    private static void kill9(Process child) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -9 failed");
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child survived kill -9");
        assertEquals(137, child.exitValue());
    }

    private static void record(Map<String, String> acked, String line) {
        if (line.startsWith("ACK ")) {
            String[] parts = line.split(" ");
            acked.put(parts[1], parts[2]);
        }
    }
}
