package vn.smsgw.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.process.Gateway;
import vn.smsgw.gateway.smpp.SmscConfig;

/** {@code smsgw simulate-smsc} from its command line, with a gateway bound to it. */
class SimulateSmscCommandTest {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void simulateSmsc_badOption_isAUsageErrorBeforeItListens() {
        for (String[] bad : new String[][] {{"--port", "99999"}, {"--concatenated-share", "2"}, {"--window", "0"}}) {
            CliRun r = CliRun.of(new ByteArrayInputStream(new byte[0]), "simulate-smsc", bad[0], bad[1]);

            assertEquals(2, r.exitCode(), String.join(" ", bad) + ": " + r.err());
            assertFalse(r.out().contains("listening"), r.out());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void simulateSmsc_generatedMoAtARate_deliveredToTheGatewayThenExits() throws Exception {
        int port = freePort();
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(
                new ByteArrayInputStream(new byte[0]), "simulate-smsc", "--port", String.valueOf(port),
                "--system-id", "smsgw", "--password", "pw", "--mo-count", "40", "--mo-rate", "50",
                "--exit-after-mo"));
        GatewayConfig config = GatewayConfig.embedded(dir, Map.of()).withHttp(new HttpConfig("127.0.0.1", 0))
                .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder("sim").address("127.0.0.1", port)
                        .credentials("smsgw", "pw").reconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                        .build(),
                        new SmscConfigs.SubmitSection(10, 1000, 0.2))));
        try (Gateway gateway = Gateway.start(config, Clock.systemUTC())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (gateway.sessions().get(0).boundCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long start = System.nanoTime(); // the MO flow starts with the bind
            CliRun r = run.get(60, TimeUnit.SECONDS);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("simulate-smsc listening on 127.0.0.1:" + port), r.out());
            assertTrue(r.out().contains("MO done: 40 acked, 0 failed"), r.out());
            assertEquals(40, gateway.dispatch().reports().after(0, 100).size());
            // 40 MO at 50 a second take at least 0.8 s; unpaced they go out in a few milliseconds
            assertTrue(tookMillis >= 700, "40 MO at 50/s in " + tookMillis + " ms");
        }
    }
}
