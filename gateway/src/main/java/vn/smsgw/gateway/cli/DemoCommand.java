package vn.smsgw.gateway.cli;

import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.smsgw.dispatch.DispatchStats;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.outbound.QueueDepth;
import vn.smsgw.gateway.config.Durations;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.process.Gateway;
import vn.smsgw.gateway.simulator.MoInjection;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;
import vn.smsgw.gateway.smpp.SmscConfig;

/**
 * {@code smsgw demo}: the whole product on one machine with nothing set up. Starts the SMSC simulator and the gateway
 * (embedded store in {@code ./data-demo}, emptied first), plays a stream of reports through real SMPP, prints a live
 * summary every second, runs a small awareness campaign with the seed warning alongside, then keeps serving the
 * admin HTTP endpoints until Ctrl-C or {@code --duration}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a simulated SMSC and the gateway, play reports through SMPP, show what happens.")
final class DemoCommand implements Callable<Integer> {
    private static final String SYSTEM_ID = "smsgw";
    private static final String PASSWORD = "demo";

    @Option(names = "--count", defaultValue = "3000", description = "Reports to play (default: 3000).")
    long count;

    @Option(names = "--rate", defaultValue = "500", description = "Reports per second (default: 500; 0 = as fast "
            + "as the gateway takes them).")
    int rate;

    @Option(names = "--duration", description = "Stop after this long (e.g. 60s, 5m); default: run until Ctrl-C.")
    String duration;

    @Option(names = "--http-port", defaultValue = "8156", description = "Admin HTTP port (default: 8156).")
    int httpPort;

    @Option(names = "--data-dir", defaultValue = "./data-demo", description = "Demo store (emptied at start).")
    Path dataDir;

    @Option(names = "--campaign-size", defaultValue = "1000",
            description = "Recipients of the demo awareness campaign (default: 1000).")
    int campaignSize;

    @Option(names = "--seed", defaultValue = "156", description = "Traffic seed.")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration limit = duration == null ? null : parseDuration(duration);
        PrintStream out = System.out;
        SimulatorConfig simConfig;
        HttpConfig http;
        try {
            // every option checked before anything starts: a bad one is a usage error, not a stack trace
            if (count < 0 || campaignSize < 0) {
                throw new IllegalArgumentException((count < 0 ? "--count" : "--campaign-size")
                        + " must be 0 or more");
            }
            simConfig = SimulatorConfig.builder().port(0).credentials(SYSTEM_ID, PASSWORD)
                    .window(20).moRate(rate).dlrDelay(Duration.ofMillis(100)).build();
            http = new HttpConfig("127.0.0.1", httpPort);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            Gateway.resetEmbeddedStore(dataDir); // never a running gateway's: refused while one holds the directory
        } catch (UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // Ctrl-C: the hook stops the loop below, then waits for the gateway and the simulator to be closed
        try (StopHook stop = new StopHook("smsgw-demo-stop", Duration.ofSeconds(60));
             SmscSimulator smsc = new SmscSimulator(simConfig).start()) {
            GatewayConfig config = GatewayConfig.embedded(dataDir, System.getenv())
                    .withHttp(http)
                    .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder("demo-smsc")
                            .address("127.0.0.1", smsc.port()).credentials(SYSTEM_ID, PASSWORD).binds(2).build(),
                            new SmscConfigs.SubmitSection(10, 1000, 0.2))));
            try (Gateway gateway = Gateway.start(config, Clock.systemUTC())) {
                int port = gateway.httpPort();
                out.printf("smsgw demo: simulated SMSC on 127.0.0.1:%d, gateway bound, store %s%n", smsc.port(),
                        dataDir.toAbsolutePath().normalize());
                out.printf("admin HTTP: http://127.0.0.1:%d/health  /metrics  /api/reports  /api/blocklist/VIETTEL"
                        + "  /api/police%n", port);
                out.printf("playing %d reports at %s through SMPP…%n", count, rate == 0 ? "full speed" : rate + "/s");
                MoInjection injection = smsc.inject(new DemoTraffic(seed), count);
                DemoCampaign.Started campaign = DemoCampaign.start(gateway.campaigns(), campaignSize, 600);
                out.printf("awareness campaign (seeds/001 item 4) to a generated An Giang audience:%n%s",
                        campaign.report());
                long start = System.nanoTime();
                long lastReports = 0;
                boolean summarised = false;
                boolean campaignDone = false;
                while (!stop.awaitStop(1, TimeUnit.SECONDS)) {
                    DispatchStats stats = DispatchStats.read(gateway.dispatch().database());
                    QueueDepth depth = gateway.outbound().countByState();
                    long reports = stats.reports();
                    long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
                    if (!summarised) {
                        out.println(line(elapsed, injection, stats, reports - lastReports, depth));
                    }
                    lastReports = reports;
                    if (!campaignDone) {
                        campaignDone = DemoCampaign.done(gateway.campaigns(), campaign.campaign());
                        out.println((campaignDone ? "== campaign over, every receipt in ==\n" : "")
                                + DemoCampaign.line(gateway.campaigns(), campaign.campaign()));
                    }
                    if (!summarised && injection.isDone() && depth.count(Lane.REPLY, OutboundState.PENDING) == 0
                            && depth.count(Lane.REPLY, OutboundState.CLAIMED) == 0
                            && depth.count(Lane.REPLY, OutboundState.SUBMITTED) == 0) {
                        summarised = true;
                        out.println(summary(stats, depth, injection));
                        out.printf("serving http://127.0.0.1:%d until %s%n", port,
                                limit == null ? "Ctrl-C" : "the --duration is over");
                    }
                    if (limit != null && System.nanoTime() - start >= limit.toNanos()) {
                        break;
                    }
                }
            }
        }
        return 0;
    }

    private static String line(long t, MoInjection inj, DispatchStats s, long perSecond, QueueDepth d) {
        return String.format("%4ds  MO acked %,d/%,d  reports %,d (+%,d/s)  LD %,d  V %,d  S %,d  bad syntax %,d  "
                        + "listed %,d  police %,d  replies sent %,d delivered %,d",
                t, inj.ackedCount(), inj.drawn(), s.reports(), perSecond, s.byCommand().getOrDefault("LD", 0L),
                s.byCommand().getOrDefault("V", 0L), s.byCommand().getOrDefault("S", 0L),
                s.byError().values().stream().mapToLong(Long::longValue).sum(),
                s.listed().values().stream().mapToLong(Long::longValue).sum(), s.policeCases(),
                sent(d), d.count(Lane.REPLY, OutboundState.DELIVERED));
    }

    private static long sent(QueueDepth d) {
        long n = 0;
        for (OutboundState st : OutboundState.values()) {
            if (st != OutboundState.PENDING && st != OutboundState.CLAIMED) {
                n += d.count(Lane.REPLY, st);
            }
        }
        return n;
    }

    private static String summary(DispatchStats s, QueueDepth d, MoInjection inj) {
        StringBuilder b = new StringBuilder("\n== done: every report acknowledged after commit ==\n");
        b.append(String.format("MO acknowledged by the gateway: %,d of %,d%n", inj.ackedCount(), inj.drawn()));
        b.append("reports by command: ").append(s.byCommand()).append('\n');
        b.append("rejected by error:  ").append(s.byError()).append('\n');
        b.append("listed on blocklists: ").append(s.listed().isEmpty() ? "none" : s.listed()).append('\n');
        b.append(String.format("police cases: %,d%n", s.policeCases()));
        b.append(String.format("replies: sent %,d, delivered %,d, failed %,d%n", sent(d),
                d.count(Lane.REPLY, OutboundState.DELIVERED), d.count(Lane.REPLY, OutboundState.FAILED)));
        return b.toString();
    }

    private Duration parseDuration(String s) {
        return Durations.parse(s).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--duration must look like 30s, 5m or 1h, not '" + s + "'"));
    }
}
