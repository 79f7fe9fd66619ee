package vn.smsgw.gateway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.smsgw.dispatch.intake.IntakeConfig;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.store.SqliteSync;

/** {@code smsgw bench}: the benchmarks. */
@Command(name = "bench", description = "Run a benchmark and print what it measured.",
        subcommands = {BenchCommand.IntakeCommand.class, BenchCommand.InboundCommand.class,
            BenchCommand.OutboundCommand.class, BenchCommand.CampaignCommand.class, BenchCommand.ClaimsCommand.class},
        mixinStandardHelpOptions = true)
public final class BenchCommand {

    /** {@code smsgw bench intake}. */
    @Command(name = "intake", mixinStandardHelpOptions = true,
            description = "Intake with concurrent callers over SQLite and/or PostgreSQL: reports/s and latency.")
    static final class IntakeCommand implements Callable<Integer> {
        @Option(names = "--store", split = ",", defaultValue = "sqlite,postgres",
                description = "Stores to measure: sqlite, postgres (default: both).")
        String[] stores;

        @Option(names = "--callers", defaultValue = "64", description = "Concurrent callers (default: 64).")
        int callers;

        @Option(names = "--caller-threads", defaultValue = "0",
                description = "Threads that keep the callers' messages in flight, each caller sending its next message "
                        + "when the last one is committed, as the gateway's PDU threads do; 0 (default): one blocking "
                        + "thread per caller.")
        int callerThreads;

        @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds per store (default: 20).")
        int seconds;

        @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds per store (default: 5).")
        int warmup;

        @Option(names = "--sqlite-sync", defaultValue = "FULL", description = "SQLite sync: FULL or NORMAL.")
        SqliteSync sync;

        @Option(names = "--writers", defaultValue = "0",
                description = "Intake writers on PostgreSQL, 1 to 16 (default: 0, the store's choice).")
        int writers;

        @Mixin
        PgOptions pg;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            requireEach(spec, "--store", stores, "sqlite", "postgres");
            if (writers < 0 || writers > IntakeConfig.MAX_WRITERS) {
                throw new ParameterException(spec.commandLine(),
                        "--writers must be 0 to " + IntakeConfig.MAX_WRITERS + ": " + writers);
            }
            if (callers < 1) {
                throw new ParameterException(spec.commandLine(), "--callers must be at least 1: " + callers);
            }
            if (callerThreads < 0 || callerThreads > callers) {
                throw new ParameterException(spec.commandLine(),
                        "--caller-threads must be 0 to --callers (" + callers + "): " + callerThreads);
            }
            Duration w = Duration.ofSeconds(warmup);
            Duration m = Duration.ofSeconds(seconds);
            System.out.println(Machine.describe());
            for (String s : stores) {
                switch (s.trim()) {
                    case "sqlite" -> {
                        try (BenchStore store = BenchStore.sqlite(sync)) {
                            System.out.println(IntakeBench.run("sqlite/" + sync, store.database(), callers, callerThreads, 0, w, m));
                        }
                    }
                    case "postgres" -> {
                        try (BenchStore store = pg.open(Math.max(8, writers + 4))) {
                            System.out.println(IntakeBench.run("postgres", store.database(), callers, callerThreads, writers,
                                w, m));
                        }
                    }
                    default -> throw new IllegalStateException("unknown store: " + s); // refused above
                }
            }
            return 0;
        }
    }

    /** {@code smsgw bench inbound}. */
    @Command(name = "inbound", mixinStandardHelpOptions = true,
            description = "MO from the simulator on loopback: a bare jsmpp receiver, then the full gateway; "
                    + "deliver_sm/s, ack latency, MO→reply round trips.")
    static final class InboundCommand implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "100000", description = "MO per side (default: 100000).")
        long count;

        @Option(names = "--window", defaultValue = "100", description = "Simulator deliver_sm window (default: 100).")
        int window;

        @Option(names = "--seconds", defaultValue = "120", description = "Longest run per side (default: 120).")
        int seconds;

        @Option(names = "--store", defaultValue = "sqlite", description = "sqlite (full sync) or postgres.")
        String store;

        @Option(names = "--binds", defaultValue = "2", description = "Gateway transceiver binds (default: 2).")
        int binds;

        @Option(names = "--degree", defaultValue = "2",
                description = "jsmpp PDU threads per bind (default: 2, the gateway's default).")
        int degree;

        @Option(names = "--submit-window", defaultValue = "50", description = "Reply submit window per bind.")
        int submitWindow;

        @Option(names = "--submit-tps", defaultValue = "1000000",
                description = "The gateway's submit_sm per second per bind (default: 1000000, no limit).")
        int submitTps;

        @Option(names = "--bare-degree", defaultValue = "1", description = "PDU threads of the bare receiver.")
        int bareDegree;

        @Option(names = "--side", defaultValue = "both", description = "both (bare and gateway, the default), bare, "
                + "replies (bare jsmpp answering every MO with a reply), gateway, or all three.")
        String side;

        @Option(names = "--warmup-percent", defaultValue = "10",
                description = "Per cent of --count left out of the rates and latencies first (default: 10).")
        int warmupPercent;

        @Option(names = "--dlr-window", defaultValue = "300", description = "Simulator delivery receipts in flight "
                + "at once (default: 300; enough for the receipts to keep pace with the replies).")
        int dlrWindow;

        @Mixin
        PgOptions pg;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            requireEach(spec, "--store", new String[] {store}, "sqlite", "postgres");
            requireEach(spec, "--side", new String[] {side}, "both", "bare", "replies", "gateway", "all");
            store = store.trim();
            side = side.trim();
            InboundBench.Settings s;
            try {
                s = new InboundBench.Settings(count, window, Duration.ofSeconds(seconds), store, binds, degree,
                        submitWindow, submitTps, bareDegree, pg.target(), warmupPercent, dlrWindow);
            } catch (IllegalArgumentException e) {
                throw invalid(spec, e.getMessage());
            }
            List<InboundBench.Result> results = new ArrayList<>();
            if (List.of("both", "bare", "all").contains(side)) {
                results.add(InboundBench.bare(s));
            }
            if (List.of("replies", "all").contains(side)) {
                results.add(InboundBench.replying(s));
            }
            if (List.of("both", "gateway", "all").contains(side)) {
                results.add(InboundBench.gateway(s));
            }
            System.out.print(InboundBench.table(s, results.toArray(InboundBench.Result[]::new)));
            return 0;
        }
    }

    /** {@code smsgw bench outbound}. */
    @Command(name = "outbound", mixinStandardHelpOptions = true,
            description = "submit_sm to the simulator on loopback, TPS unlimited, receipts on: a bare jsmpp loop, "
                    + "then the Submitter over SQLite and over the in-memory queue.")
    static final class OutboundCommand implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "100000", description = "Messages per side (default: 100000).")
        int count;

        @Option(names = "--window", defaultValue = "50", description = "submit_sm in flight per bind (default: 50).")
        int window;

        @Option(names = "--binds", defaultValue = "1", description = "Transceiver binds (default: 1).")
        int binds;

        @Option(names = "--lane", defaultValue = "CAMPAIGN", description = "REPLY or CAMPAIGN (default).")
        Lane lane;

        @Option(names = "--seconds", defaultValue = "120", description = "Longest run per side (default: 120).")
        int seconds;

        @Option(names = "--sides", split = ",", defaultValue = "bare,sqlite,memory",
                description = "Sides to run: bare, sqlite, memory (default: all).")
        String[] sides;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            requireEach(spec, "--sides", sides, "bare", "sqlite", "memory");
            OutboundBench.Settings s = new OutboundBench.Settings(count, window, binds, lane,
                    Duration.ofSeconds(seconds));
            List<OutboundBench.Result> results = new ArrayList<>();
            for (String side : sides) {
                switch (side.trim()) {
                    case "bare" -> results.add(OutboundBench.bare(s));
                    case "sqlite" -> results.add(OutboundBench.sqlite(s));
                    case "memory" -> results.add(OutboundBench.inMemory(s));
                    default -> throw new IllegalStateException("unknown side: " + side); // refused above
                }
            }
            System.out.print(OutboundBench.table(s, results));
            return 0;
        }
    }

    /** {@code smsgw bench claims}. */
    @Command(name = "claims", mixinStandardHelpOptions = true,
            description = "The cost of a bind's look for its SMSC's replies past those waiting for another SMSC, "
                    + "on the embedded store.")
    static final class ClaimsCommand implements Callable<Integer> {
        @Option(names = "--waiting", split = ",", defaultValue = "1000,10000,50000",
                description = "Replies waiting for the other SMSC, one store each (default: 1000,10000,50000).")
        int[] waiting;

        @Option(names = "--looks", defaultValue = "50", description = "Due checks averaged (default: 50).")
        int looks;

        @Override
        public Integer call() throws Exception {
            List<ClaimBench.Result> results = new ArrayList<>();
            for (int n : waiting) {
                results.add(ClaimBench.run(n, looks));
            }
            System.out.print(ClaimBench.table(looks, results));
            return 0;
        }
    }

    /** {@code smsgw bench campaign}. */
    @Command(name = "campaign", mixinStandardHelpOptions = true,
            description = "A campaign through the whole gateway to the simulator: submit_sm/s over a steady minute "
                    + "against the TPS cap (±%%), or unthrottled.")
    static final class CampaignCommand implements Callable<Integer> {
        @Option(names = "--tps", defaultValue = "200", description = "Campaign TPS cap; 0 for unthrottled "
                + "(default: 200).")
        int tps;

        @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds (default: 60).")
        int seconds;

        @Option(names = "--warmup", defaultValue = "5", description = "Seconds left out first (default: 5).")
        int warmup;

        @Option(names = "--recipients", description = "Audience size (default: enough for the run, at least "
                + "20,000; unthrottled 300,000).")
        Long recipients;

        @Option(names = "--binds", defaultValue = "2", description = "Transceiver binds (default: 2).")
        int binds;

        @Option(names = "--window", defaultValue = "50", description = "submit_sm in flight per bind (default: 50).")
        int window;

        @Option(names = "--sqlite-sync", defaultValue = "FULL", description = "The embedded store's sync: FULL "
                + "(default; a commit survives a power loss) or NORMAL (it survives kill -9).")
        SqliteSync sync;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (tps < 0 || seconds < 1 || warmup < 0 || binds < 1 || window < 1) {
                throw invalid(spec, "--tps and --warmup must be >= 0; --seconds, --binds, --window >= 1");
            }
            long n = recipients != null ? recipients
                    : tps == 0 ? 300_000 : Math.max(20_000, (long) tps * (seconds + warmup + 5));
            CampaignBench.Settings s = new CampaignBench.Settings(tps, seconds, warmup, n, binds, window, sync);
            System.out.print(CampaignBench.table(s, CampaignBench.run(s)));
            return 0;
        }
    }

    /** Refuses any of {@code values} (spaces around it ignored) that is not one of {@code allowed}. */
    private static void requireEach(CommandSpec spec, String option, String[] values, String... allowed) {
        for (String v : values) {
            if (!List.of(allowed).contains(v.trim())) {
                throw invalid(spec, option + ": unknown value '" + v + "' (" + String.join(", ", allowed) + ")");
            }
        }
    }

    /** A bad option value: picocli prints the message and the command's usage, and the exit code is 2. */
    private static ParameterException invalid(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
