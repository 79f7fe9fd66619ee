package vn.smsgw.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.campaign.AudienceFilter;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignAction;
import vn.smsgw.dispatch.campaign.CampaignSpec;
import vn.smsgw.dispatch.campaign.CampaignState;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.ImportReport;
import vn.smsgw.dispatch.campaign.RecipientCounts;
import vn.smsgw.dispatch.campaign.RecipientState;
import vn.smsgw.dispatch.campaign.SendingWindow;
import vn.smsgw.dispatch.campaign.Transition;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.simulator.ReceivedSubmit;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;
import vn.smsgw.gateway.smpp.SmscConfig;

/**
 * A campaign through the whole process against the simulator: every recipient submitted exactly once, every receipt
 * matched, counts adding up. {@code -Dsmsgw.e2e.recipients=100000} runs the full size (default 20,000 to keep
 * the build short).
 */
class CampaignEndToEndTest {
    static final int RECIPIENTS = Integer.getInteger("smsgw.e2e.recipients", 20_000);

    @TempDir
    Path dir;

    static void await(BooleanSupplier condition, Duration max, String what) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static Path audience(Path dir, int n) throws Exception {
        Path file = dir.resolve("audience.txt");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(String.format("09%08d%n", i));
            }
        }
        return file;
    }

    @Test
    void campaign_againstTheSimulator_submitsEveryRecipientOnceAndMatchesEveryReceipt() throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().port(0).credentials("smsgw", "pw").window(100)
                .receivedLogCapacity(RECIPIENTS + 1000).build();
        try (SmscSimulator smsc = new SmscSimulator(sim).start()) {
            GatewayConfig config = GatewayConfig.embedded(dir, Map.of()).withHttp(new HttpConfig("127.0.0.1", 0))
                    .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder("sim")
                            .address("127.0.0.1", smsc.port()).credentials("smsgw", "pw").binds(4).build(),
                            new SmscConfigs.SubmitSection(50, 20_000, 0.1))));
            try (Gateway g = Gateway.start(config, Clock.systemUTC())) {
                await(() -> g.sessions().get(0).boundCount() == 4, Duration.ofSeconds(10), "binds");
                Campaigns campaigns = g.campaigns();
                Campaign k = campaigns.create(CampaignSpec.of("e2e", "Canh bao: khong cung cap OTP cho bat ky ai. "
                        + "Goi 113 khi nghi ngo lua dao.", EncodingMode.UNACCENTED, "BoCongAn", 100_000)
                        .withWindow(new SendingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
                ImportReport r;
                try (BufferedReader in = Files.newBufferedReader(audience(dir, RECIPIENTS))) {
                    r = campaigns.importAudience(k.id(), in, AudienceFilter.all(), rows -> { });
                }
                assertEquals(RECIPIENTS, r.added());
                long t0 = System.nanoTime();
                assertInstanceOf(Transition.Moved.class, campaigns.apply(k.id(), CampaignAction.START));
                await(() -> campaigns.find(k.id()).orElseThrow().state() == CampaignState.DONE,
                        Duration.ofSeconds(300), "campaign done");
                double seconds = (System.nanoTime() - t0) / 1e9;
                await(() -> campaigns.counts(k.id()).count(RecipientState.DELIVERED) == RECIPIENTS,
                        Duration.ofSeconds(60), "every receipt");
                System.out.printf("campaign e2e: %,d recipients submitted in %.1f s = %,.0f submit_sm/s%n",
                        RECIPIENTS, seconds, RECIPIENTS / seconds);

                RecipientCounts c = campaigns.counts(k.id());
                assertEquals(RECIPIENTS, c.total());
                assertEquals(0, c.resent());
                assertEquals(RECIPIENTS, smsc.submitCount(), "one submit_sm per recipient");
                Set<String> destinations = new HashSet<>();
                for (ReceivedSubmit s : smsc.received()) {
                    assertTrue(destinations.add(s.destinationAddr()), "sent twice: " + s.destinationAddr());
                }
                assertEquals(RECIPIENTS, destinations.size());

                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + g.httpPort();
                HttpResponse<String> one = http.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns/e2e"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, one.statusCode(), one.body());
                assertTrue(one.body().contains("\"delivered\":" + RECIPIENTS), one.body());
                HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/campaigns/e2e/resume")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(409, again.statusCode(), again.body());
            }
        }
    }
}
