package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.Dispatch;
import vn.smsgw.dispatch.DispatchSettings;
import vn.smsgw.dispatch.intake.JdbcReportStore;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.gateway.simulator.MoGenerator;
import vn.smsgw.gateway.simulator.MoInjection;
import vn.smsgw.gateway.simulator.MoMessage;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;

/**
 * Kills the gateway (a child JVM) with SIGKILL while the simulator, in this JVM, is delivering MO to it; then starts
 * it again on the same data directory. Every MO answered ESME_ROK before the kill must already be stored; those not
 * answered are redelivered to the new process; in the end each MO is stored exactly once.
 */
class MoCrashTest {

    @TempDir
    Path dir;

    @Test
    void kill9_duringMoFlow_everyAcknowledgedMoStoredExactlyOnceAfterRestart() throws Exception {
        long seed = System.nanoTime();
        int killAfter = 500 + new SplittableRandom(seed).nextInt(1_500);
        Path data = dir.resolve("data");
        MoInjection injection;
        try (SmscSimulator simulator = new SmscSimulator(SimulatorConfig.builder()
                .credentials(MoGateway.SYSTEM_ID, MoGateway.PASSWORD).window(50)
                .retryDelay(Duration.ofMillis(50)).build()).start()) {
            injection = simulator.inject(MoGenerator.withDefaultMix(seed), 4_000);

            Process first = startChild(data, simulator.port());
            MoInjection running = injection;
            Poll.until(Duration.ofSeconds(60), () -> running.ackedCount() >= killAfter, killAfter + " acked");
            kill9(first);
            Set<Integer> ackedBeforeKill = injection.acked();
            assertFalse(injection.isDone(), "the kill came too late to interrupt the flow (seed " + seed + ")");
            assertStored(data, injection, ackedBeforeKill);

            Process second = startChild(data, simulator.port());
            try {
                assertTrue(injection.awaitDone(Duration.ofSeconds(60)), "pending: " + injection.pending().size());
            } finally {
                kill9(second);
            }
            assertTrue(simulator.stats().mo().redelivered() > 0, "nothing was in flight at the kill");
        }
        try (Database database = Database.open(DatabaseConfig.sqlite(data))) {
            Dispatch dispatch = Dispatch.open(database, DispatchSettings.defaults(MoGateway.REPORTER_KEY),
                    Clock.systemUTC());
            try {
                MoAssertions.everyMessageStoredAndAnsweredOnce(injection, dispatch.reports(), database);
            } finally {
                dispatch.close();
            }
        }
    }

    /** Every MO in {@code acked} is in the store (opened read-only between the two processes) exactly once. */
    private static void assertStored(Path data, MoInjection injection, Set<Integer> acked) {
        try (Database database = Database.open(DatabaseConfig.sqlite(data))) {
            Map<String, List<StoredReport>> stored = StoredMo.byReporter(new JdbcReportStore(database));
            for (int id : acked) {
                MoMessage message = injection.message(id);
                List<StoredReport> copies = stored.get(message.reporter());
                assertEquals(1, copies == null ? 0 : copies.size(), "acknowledged " + message + " stored");
                assertEquals(message.text(), copies.get(0).rawText());
            }
            stored.values().forEach(copies -> assertEquals(1, copies.size(), "stored twice"));
        }
    }

    private Process startChild(Path data, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MoGatewayChild.class.getName(), data.toString(), Integer.toString(port))
                .redirectError(dir.resolve("child-" + System.nanoTime() + ".err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("READY", out.readLine(), "the child did not bind");
        return child;
    }

    /** SIGKILL from outside, as an operator's kill -9: the JVM gets no chance to answer, flush or close anything. */
    private static void kill9(Process child) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -9 failed");
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child survived kill -9");
        assertEquals(137, child.exitValue());
    }
}
