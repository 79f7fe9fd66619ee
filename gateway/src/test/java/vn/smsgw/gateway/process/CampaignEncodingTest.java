package vn.smsgw.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.campaign.AudienceFilter;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignAction;
import vn.smsgw.dispatch.campaign.CampaignSpec;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.SendingWindow;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.simulator.ReceivedSubmit;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;
import vn.smsgw.gateway.smpp.SmscConfig;

/** A campaign's encoding mode as it reaches the SMSC: data_coding and text of its submit_sm. */
class CampaignEncodingTest {

    @TempDir
    Path dir;

    private List<ReceivedSubmit> send(EncodingMode mode, String text) throws Exception {
        try (SmscSimulator smsc = new SmscSimulator(SimulatorConfig.builder().port(0).credentials("smsgw", "pw")
                .build()).start()) {
            GatewayConfig config = GatewayConfig.embedded(dir, Map.of()).withHttp(new HttpConfig("127.0.0.1", 0))
                    .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder("sim")
                            .address("127.0.0.1", smsc.port()).credentials("smsgw", "pw").binds(1).build(),
                            new SmscConfigs.SubmitSection(10, 1_000, 0.1))));
            try (Gateway g = Gateway.start(config, Clock.systemUTC())) {
                Campaigns campaigns = g.campaigns();
                Campaign k = campaigns.create(CampaignSpec.of("enc", text, mode, "BoCongAn", 100)
                        .withWindow(new SendingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
                campaigns.importAudience(k.id(), new BufferedReader(new StringReader("0912345678\n0987654321\n")),
                        AudienceFilter.all(), rows -> { });
                campaigns.apply(k.id(), CampaignAction.START);
                CampaignEndToEndTest.await(() -> smsc.submitCount() >= 2, Duration.ofSeconds(20), "2 submit_sm");
                return smsc.received();
            }
        }
    }

    @Test
    void campaign_ucs2ModeWithAsciiText_isSubmittedAsUcs2() throws Exception {
        List<ReceivedSubmit> got = send(EncodingMode.UCS2, "Canh bao lua dao: goi 113");
        assertEquals(2, got.size());
        for (ReceivedSubmit s : got) {
            assertEquals(0x08, s.dataCoding());
            assertEquals("Canh bao lua dao: goi 113", s.text());
        }
    }

    @Test
    void campaign_unaccentedMode_isSubmittedFoldedAsGsm7() throws Exception {
        List<ReceivedSubmit> got = send(EncodingMode.UNACCENTED, "Cảnh báo “lừa đảo” – gọi 113");
        assertEquals(2, got.size());
        for (ReceivedSubmit s : got) {
            assertEquals(0x00, s.dataCoding());
            assertEquals("Canh bao \"lua dao\" - goi 113", s.text());
        }
    }
}
