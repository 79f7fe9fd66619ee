package vn.smsgw.gateway.process;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import vn.smsgw.dispatch.campaign.AudienceFilter;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignAction;
import vn.smsgw.dispatch.campaign.CampaignSpec;
import vn.smsgw.dispatch.campaign.CampaignState;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.RecipientCounts;
import vn.smsgw.dispatch.campaign.SendingWindow;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.smpp.SmscConfig;

/**
 * The process {@link CampaignCrashTest} kills: a gateway on the SQLite data directory {@code args[0]} with
 * {@link #BINDS} binds to the simulator on port {@code args[1]}. The first time it creates campaign {@code crash}
 * from the audience file {@code args[2]} at {@code args[3]} TPS with the text {@code args[4]} ({@code one} for
 * {@link #ONE_PART}, {@code multi} for {@link #MULTI_PART}) and starts it; later it finds it running. Each bind
 * submits at most {@code args[5]} submit_sm a second. Prints
 * {@code READY} once bound, then {@code DONE} once the campaign is, and exits.
 */
public final class CampaignCrashChild {
    static final int BINDS = 2;
    static final int WINDOW = 50;
    static final String NAME = "crash";
    /** One GSM-7 SMS. */
    static final String ONE_PART = "Canh bao lua dao: khong cung cap ma OTP cho bat ky ai.";
    /** Three GSM-7 SMS. */
    static final String MULTI_PART = "Canh bao lua dao: co quan Cong an khong bao gio goi dien yeu cau chuyen tien, "
            + "cung cap ma OTP, mat khau hay cai dat ung dung la. Khong bam vao duong link la trong tin nhan, khong "
            + "cung cap thong tin ca nhan, so tai khoan ngan hang cho nguoi khac. Khi nghi ngo lua dao, hay bao ngay "
            + "cho Cong an noi gan nhat hoac nhan tin toi tong dai 156 de duoc ho tro.";
    static final Duration DONE_WITHIN = Duration.ofSeconds(240);

    private CampaignCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path data = Path.of(args[0]);
        GatewayConfig config = GatewayConfig.embedded(data, Map.of()).withHttp(new HttpConfig("127.0.0.1", 0))
                .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder("sim")
                        .address("127.0.0.1", Integer.parseInt(args[1])).credentials("smsgw", "pw").binds(BINDS)
                        .build(), new SmscConfigs.SubmitSection(WINDOW, Integer.parseInt(args[5]), 0.1))));
        try (Gateway g = Gateway.start(config, Clock.systemUTC())) {
            await(() -> g.sessions().get(0).boundCount() == BINDS, Duration.ofSeconds(20));
            Campaigns campaigns = g.campaigns();
            Campaign k = campaigns.find(NAME).orElse(null);
            if (k == null) {
                k = campaigns.create(CampaignSpec.of(NAME, args[4].equals("multi") ? MULTI_PART : ONE_PART,
                        EncodingMode.UNACCENTED, "BoCongAn", Integer.parseInt(args[3]))
                        .withWindow(new SendingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
                try (BufferedReader in = Files.newBufferedReader(Path.of(args[2]))) {
                    campaigns.importAudience(k.id(), in, AudienceFilter.all(), rows -> { });
                }
                campaigns.apply(k.id(), CampaignAction.START);
            }
            out.println("READY");
            long id = k.id();
            await(() -> campaigns.find(id).orElseThrow().state() == CampaignState.DONE, DONE_WITHIN);
            RecipientCounts c = campaigns.counts(id);
            out.println("DONE resent=" + c.resent() + " " + c.byState());
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + max);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
