package vn.smsgw.dispatch.intake;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import vn.smsgw.dispatch.outbound.JdbcOutbox;
import vn.smsgw.dispatch.routing.FraudMarkers;
import vn.smsgw.dispatch.routing.RoutingRules;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;

/**
 * The process {@link IntakeCrashTest} kills: accepts reports from many threads on SQLite and prints
 * {@code ACK <reporter> <caseId>} on stdout after each accept has returned Stored. Runs until killed.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        Database db = Database.open(DatabaseConfig.sqlite(dir));
        Intake intake = new Intake(new Intake.Ports(db, new JdbcReportStore(db), new JdbcPartStore(), new JdbcReporterCounters(),
                new CountingBlocklists(Set.of()), new RecordingPoliceOutbox(), new JdbcOutbox()),
                IntakeConfig.defaults("crash-test-reporter-key"), RoutingRules.standard(FraudMarkers.defaults()),
                Clock.systemUTC());
        AtomicInteger seq = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                while (true) {
                    int n = seq.incrementAndGet();
                    String reporter = "849" + String.format("%08d", n);
                    IntakeResult r = intake.accept(InboundSms.text(reporter, "156", "LD 0987654321 crash " + n,
                            "smsc-crash", java.time.Instant.now()));
                    if (r instanceof IntakeResult.Stored s) {
                        synchronized (out) {
                            out.println("ACK " + reporter + " " + s.caseId().value());
                        }
                    }
                }
            }, "crash-caller-" + t);
            th.start();
        }
        out.println("READY");
        Thread.currentThread().join();
    }
}
