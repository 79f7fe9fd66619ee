package vn.smsgw.gateway.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import vn.smsgw.dispatch.campaign.AudienceFilter;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignAction;
import vn.smsgw.dispatch.campaign.CampaignSpec;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.SendingWindow;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.dispatch.store.SqliteSync;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.process.Gateway;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;
import vn.smsgw.gateway.smpp.SmscConfig;

/*
 * The whole process (Gateway on embedded SQLite, full sync) sends one campaign to the simulator on loopback. The
 * simulator's submit_sm count is sampled every second; the first `warmup` seconds are left out and the rate is
 * submit_sm over the following `seconds` (or until the campaign is sent, less its last second). With a TPS cap the
 * result is that rate against the cap, and the slowest and fastest single second; unthrottled, the campaign cap is
 * the largest allowed (100,000) and the binds' TPS is unlimited.
 */
/** {@code smsgw bench campaign}: submit_sm/s of a running campaign against its TPS cap, or unthrottled. */
final class CampaignBench {

    /** The settings of one run; {@code tps} 0 for unthrottled. */
    record Settings(int tps, int seconds, int warmup, long recipients, int binds, int window, SqliteSync sync) {
    }

    /** What a run measured: overall rate and the per-second rates of the measured part. */
    record Result(double perSecond, double seconds, long counted, List<Long> perSecondCounts) {
    }

    private static final String TEXT = "Canh bao lua dao: khong cung cap ma OTP, mat khau cho bat ky ai. Goi 113.";

    private CampaignBench() {
    }

    static Result run(Settings s) throws Exception {
        Path dir = Files.createTempDirectory("smsgw-bench-campaign");
        try (SmscSimulator smsc = new SmscSimulator(SimulatorConfig.builder().port(0).credentials("smsgw", "pw")
                .receivedLogCapacity(0).pduProcessorDegree(4).queueCapacity(s.window() * s.binds() * 4 + 1_000)
                .dlrWindow(50).responseTimeout(Duration.ofSeconds(10)).build()).start()) {
            GatewayConfig config = GatewayConfig.embedded(dir, s.sync(), Map.of()).withHttp(new HttpConfig("127.0.0.1", 0))
                    .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder("sim")
                            .address("127.0.0.1", smsc.port()).credentials("smsgw", "pw").binds(s.binds())
                            .queueCapacity(s.window() * 4 + 500).build(),
                            new SmscConfigs.SubmitSection(s.window(), s.tps() == 0 ? 1_000_000 : s.tps(), 0.1))));
            try (Gateway g = Gateway.start(config, Clock.systemUTC())) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (g.sessions().get(0).boundCount() < s.binds() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
                Campaigns campaigns = g.campaigns();
                Campaign k = campaigns.create(CampaignSpec.of("bench", TEXT, EncodingMode.UNACCENTED, "BoCongAn",
                        s.tps() == 0 ? 100_000 : s.tps())
                        .withWindow(new SendingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
                try (BufferedReader in = Files.newBufferedReader(audience(dir, s.recipients()))) {
                    campaigns.importAudience(k.id(), in, AudienceFilter.all(), rows -> { });
                }
                campaigns.apply(k.id(), CampaignAction.START);
                return sample(smsc, s);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Samples the simulator's count at each whole second after the start, until the measured part ends. */
    private static Result sample(SmscSimulator smsc, Settings s) {
        long t0 = System.nanoTime();
        List<Long> counts = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i <= s.warmup() + s.seconds(); i++) {
            long due = t0 + TimeUnit.SECONDS.toNanos(i);
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(Math.min(due - now, TimeUnit.MILLISECONDS.toNanos(5)));
            }
            counts.add(smsc.submitCount());
            times.add(System.nanoTime());
            if (smsc.submitCount() >= s.recipients()) {
                break;
            }
        }
        int from = Math.min(s.warmup(), counts.size() - 1);
        int to = counts.size() - 1;
        if (counts.get(to) >= s.recipients() && to - 1 > from) {
            to--;
        }
        List<Long> perSecond = new ArrayList<>();
        for (int i = from + 1; i <= to; i++) {
            perSecond.add(counts.get(i) - counts.get(i - 1));
        }
        long counted = counts.get(to) - counts.get(from);
        double seconds = (times.get(to) - times.get(from)) / 1e9;
        return new Result(seconds <= 0 ? 0 : counted / seconds, seconds, counted, perSecond);
    }

    private static Path audience(Path dir, long n) throws Exception {
        Path file = dir.resolve("audience.txt");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < n; i++) {
                w.write(String.format("09%08d%n", i));
            }
        }
        return file;
    }

    static String table(Settings s, Result r) {
        StringBuilder b = new StringBuilder();
        b.append(Machine.describe()).append('\n');
        b.append(String.format("campaign of %,d recipients, %d bind(s), window %d per bind, SQLite %s sync; "
                + "%d s warm-up left out%n", s.recipients(), s.binds(), s.window(),
                s.sync().name().toLowerCase(java.util.Locale.ROOT), s.warmup()));
        long min = r.perSecondCounts().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = r.perSecondCounts().stream().mapToLong(Long::longValue).max().orElse(0);
        if (s.tps() > 0) {
            b.append(String.format("cap %,d TPS: %,.1f submit_sm/s over %.1f s (%,d submit_sm) = %+.2f %% of the cap; "
                    + "single seconds %,d..%,d%n", s.tps(), r.perSecond(), r.seconds(), r.counted(),
                    (r.perSecond() / s.tps() - 1) * 100, min, max));
        } else {
            b.append(String.format("unthrottled: %,.0f submit_sm/s over %.1f s (%,d submit_sm); single seconds "
                    + "%,d..%,d%n", r.perSecond(), r.seconds(), r.counted(), min, max));
        }
        b.append("submit_sm in each measured second: ").append(r.perSecondCounts()).append('\n');
        return b.toString();
    }
}
