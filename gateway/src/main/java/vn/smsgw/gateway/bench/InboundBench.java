package vn.smsgw.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.dispatch.store.SqliteSync;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.config.StoreConfig;
import vn.smsgw.gateway.process.Gateway;
import vn.smsgw.gateway.simulator.AckLatencies;
import vn.smsgw.gateway.simulator.MoInjection;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;
import vn.smsgw.gateway.smpp.SmscConfig;

/*
 * The sides run in this process against the project's own simulator on loopback, one after the other, each with
 * a fresh simulator: a bare jsmpp session that acknowledges without doing anything; bare jsmpp sessions that also
 * answer every MO with a reply and acknowledge its receipt (ReplyingSessions, unthrottled whatever --submit-tps
 * says: the ceiling for the gateway's traffic); the whole gateway (SQLite with full sync, or PostgreSQL). Rates
 * count deliver_sm answered ESME_ROK by the ESME, as the simulator saw them, after the first 10 % (the warm-up,
 * --warmup-percent); ack latency is the simulator's, deliver_sm written to its deliver_sm_resp read. For the
 * gateway an ESME_ROK means the report is committed; its reply goes out through the outbound queue and the
 * submitter, and a reply submit_sm reaching the simulator closes a round trip. The reply's receipt comes back on
 * the simulator's receipt lane (--dlr-window in flight); the gateway answers it once it is applied durably, so a
 * window too small for that latency lets receipts fall behind and the side does less work per MO than it would
 * with every receipt: receipts/s beside replies/s shows it.
 */
/** {@code smsgw bench inbound}: MO throughput and ack latency of bare jsmpp ESMEs and of the full gateway. */
final class InboundBench {

    /** The settings of one run. */
    record Settings(long count, int window, Duration max, String store, int binds, int degree, int submitWindow,
                    int submitTps, int bareDegree, PgTarget pg, int warmupPercent, int dlrWindow) {
        Settings {
            if (dlrWindow < 1) {
                throw new IllegalArgumentException("--dlr-window must be at least 1: " + dlrWindow);
            }
            if (warmupPercent < 0 || warmupPercent > 90) {
                throw new IllegalArgumentException("--warmup-percent must be 0 to 90 (per cent of --count): "
                        + warmupPercent);
            }
            if (submitTps < 1) {
                throw new IllegalArgumentException("--submit-tps must be at least 1: " + submitTps);
            }
        }

        double warmShare() {
            return warmupPercent / 100.0;
        }
    }

    /** A PostgreSQL database to create a throw-away schema in. */
    record PgTarget(String url, String user, String password) {
    }

    /** What one side measured. */
    record Result(String who, SteadyRate acks, double p50, double p99, double p999, SteadyRate replies,
                  double rtP50, double rtP99, long errors, double receiptsPerSecond) {
    }

    private InboundBench() {
    }

    static Result bare(Settings s) throws Exception {
        try (SmscSimulator smsc = new SmscSimulator(simulator(s)).start();
             BareSession bare = BareSession.bind(smsc.port(), s.bareDegree(), s.window() + 200)) {
            bare.session();
            MoInjection injection = smsc.inject(new ReportTraffic(1, false), s.count());
            SteadyRate acks = SteadyRate.measure(injection::ackedCount, s.count(), s.warmShare(), s.max(),
                    smsc.moAckLatencies()::reset);
            injection.close();
            AckLatencies lat = smsc.moAckLatencies();
            return new Result("bare jsmpp", acks, lat.percentileMillis(50), lat.percentileMillis(99),
                    lat.percentileMillis(99.9), null, 0, 0, smsc.stats().mo().errors(), 0);
        }
    }

    static Result gateway(Settings s) throws Exception {
        Path dir = Files.createTempDirectory("smsgw-bench-inbound-");
        BenchStore pgSchema = null;
        SmscSimulator smsc = new SmscSimulator(simulator(s)).start();
        try {
            GatewayConfig config = GatewayConfig.embedded(dir, Map.of())
                    .withHttp(new HttpConfig("127.0.0.1", 0))
                    .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder("sim")
                            .address("127.0.0.1", smsc.port()).credentials("smsgw", "bench").binds(s.binds())
                            .pduProcessorDegree(s.degree()).queueCapacity(esmeQueueCapacity(s))
                            .build(), new SmscConfigs.SubmitSection(s.submitWindow(), s.submitTps(), 0.2))));
            if (s.store().equals("postgres")) {
                pgSchema = BenchStore.postgres(s.pg().url(), s.pg().user(), s.pg().password(), 1);
                config = new GatewayConfig(dir, new StoreConfig(new DatabaseConfig(pgSchema.url(), s.pg().user(),
                        s.pg().password(), SqliteSync.FULL, 16), false, SqliteSync.FULL), config.http(), null,
                        config.dispatch(), config.outbound(), config.smscs());
            }
            try (Gateway g = Gateway.start(config, Clock.systemUTC())) {
                awaitBinds(g, s.binds());
                return withReplies("smsgw " + s.store(), smsc, s, 2);
            }
        } finally {
            smsc.close();
            if (pgSchema != null) {
                pgSchema.close();
            }
            BenchStore.deleteTree(dir);
        }
    }

    /**
     * jsmpp's ceiling for the gateway's traffic: the gateway side's binds, PDU threads and submit window, every MO
     * answered with one reply whose receipt comes back, and nothing else done ({@link ReplyingSessions}).
     */
    static Result replying(Settings s) throws Exception {
        try (SmscSimulator smsc = new SmscSimulator(simulator(s)).start();
             ReplyingSessions sessions = ReplyingSessions.bind(smsc.port(), s.binds(), s.degree(), s.submitWindow(),
                     esmeQueueCapacity(s))) {
            Result r = withReplies("bare jsmpp + replies", smsc, s, 3);
            return sessions.failed() == 0 ? r : new Result(r.who() + " (" + sessions.failed() + " failed)", r.acks(),
                    r.p50(), r.p99(), r.p999(), r.replies(), r.rtP50(), r.rtP99(), r.errors(), r.receiptsPerSecond());
        }
    }

    /** Injects report traffic into a bound ESME and measures its MO acks, replies and round trips. */
    private static Result withReplies(String who, SmscSimulator smsc, Settings s, long seed) throws Exception {
        ReportTraffic traffic = new ReportTraffic(seed, true);
        smsc.onSubmit(traffic::replied);
        MoInjection injection = smsc.inject(traffic, s.count());
        long[] repliesAtWarm = new long[1];
        long[] receiptsAtWarm = new long[1];
        SteadyRate acks = SteadyRate.measure(injection::ackedCount, s.count(), s.warmShare(), s.max(), () -> {
            smsc.moAckLatencies().reset();
            traffic.roundTrips().reset();
            repliesAtWarm[0] = smsc.submitCount();
            receiptsAtWarm[0] = smsc.stats().receipts().acked();
        });
        long repliesAtEnd = smsc.submitCount();
        double receipts = (smsc.stats().receipts().acked() - receiptsAtWarm[0]) / acks.seconds();
        SteadyRate replies = new SteadyRate(repliesAtEnd - repliesAtWarm[0], acks.seconds(), repliesAtEnd, true);
        injection.close();
        AckLatencies lat = smsc.moAckLatencies();
        AckLatencies rt = traffic.roundTrips();
        return new Result(who, acks, lat.percentileMillis(50), lat.percentileMillis(99), lat.percentileMillis(99.9),
                replies, rt.percentileMillis(50), rt.percentileMillis(99), smsc.stats().mo().errors(), receipts);
    }

    /** The ESME side's jsmpp receive queue: the simulator's window, the submit window and a margin. */
    private static int esmeQueueCapacity(Settings s) {
        return s.window() + s.submitWindow() + 500;
    }

    private static SimulatorConfig simulator(Settings s) {
        return SimulatorConfig.builder().port(0).window(s.window()).receivedLogCapacity(0)
                .queueCapacity(s.window() + s.submitWindow() * s.binds() + 1_000).pduProcessorDegree(4)
                .dlrWindow(s.dlrWindow()).responseTimeout(Duration.ofSeconds(10)).build();
    }

    private static void awaitBinds(Gateway g, int binds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (g.sessions().get(0).boundCount() < binds) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not bind in 20 s");
            }
            Thread.sleep(20);
        }
    }

    static String table(Settings s, Result... sides) {
        StringBuilder b = new StringBuilder();
        b.append(Machine.describe()).append('\n');
        b.append(String.format("simulator window %d, receipt window %d, %,d MO per side (first %d %% warm-up); "
                + "gateway: %d bind(s), degree %d, submit window %d, submit TPS %,d per bind, store %s%n", s.window(),
                s.dlrWindow(), s.count(), s.warmupPercent(), s.binds(), s.degree(), s.submitWindow(), s.submitTps(),
                s.store()));
        b.append(String.format("%-22s %14s %10s %10s %10s %8s %14s %10s %10s %12s%n", "", "deliver_sm/s", "ack p50",
                "ack p99", "ack p99.9", "errors", "replies/s", "MO→reply", "p99", "receipts/s"));
        for (Result r : sides) {
            b.append(String.format("%-22s %,14.0f %8.2fms %8.2fms %8.2fms %8d %14s %10s %10s %12s%s%n", r.who(),
                    r.acks().perSecond(), r.p50(), r.p99(), r.p999(), r.errors(),
                    r.replies() == null ? "-" : String.format("%,.0f", r.replies().perSecond()),
                    r.replies() == null ? "-" : String.format("%.1fms", r.rtP50()),
                    r.replies() == null ? "-" : String.format("%.1fms", r.rtP99()),
                    r.replies() == null ? "-" : String.format("%,.0f", r.receiptsPerSecond()),
                    r.acks().completed() ? "" : "  (stopped at " + r.acks().total() + ")"));
        }
        return b.toString();
    }
}
