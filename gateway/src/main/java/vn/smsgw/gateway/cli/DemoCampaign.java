package vn.smsgw.gateway.cli;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalTime;
import java.util.Locale;
import vn.smsgw.dispatch.campaign.AudienceFilter;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignAction;
import vn.smsgw.dispatch.campaign.CampaignSpec;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.ImportReport;
import vn.smsgw.dispatch.campaign.RecipientCounts;
import vn.smsgw.dispatch.campaign.RecipientState;
import vn.smsgw.dispatch.campaign.SendingWindow;

/**
 * The demo's awareness campaign: the warning of seeds/001 item 4 (domain reference §7.1), unaccented, to a generated
 * audience, all day, at a modest TPS cap so that reporters' replies keep their share.
 */
final class DemoCampaign {
    /** The provincial letter's warning, verbatim. */
    static final String SEED_WARNING = "Hiện nay, xuất hiện thủ đoạn lừa đảo trực tuyến giả mạo nhà trường yêu cầu "
            + "cung cấp thông tin, cài đặt ứng dụng \"sổ liên lạc điện tử\". Đề nghị Nhân dân nâng cao cảnh giác, "
            + "không cung cấp tài khoản ngân hàng, mã OTP hoặc cài đặt các ứng dụng lạ, nếu nhận được cuộc gọi có "
            + "dấu hiệu bất thường, người dân cần liên hệ ngay với nhà trường, Công an nơi gần nhất để được hỗ trợ.";

    private DemoCampaign() {
    }

    /** Creates, fills and starts the campaign; returns it with the text to print (import report and estimate). */
    static Started start(Campaigns campaigns, int recipients, int tps) {
        Campaign k = campaigns.create(new CampaignSpec("demo-so-lien-lac", SEED_WARNING, EncodingMode.UNACCENTED,
                "CongAnAG", new SendingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT), tps,
                java.time.Duration.ofHours(1), java.time.Instant.EPOCH, 3));
        StringBuilder audience = new StringBuilder("so_dien_thoai,tinh,loai\n");
        for (int i = 0; i < recipients * 2; i++) {
            audience.append(String.format(Locale.ROOT, "09%08d,%s,%s%n", 10_000_000 + i,
                    i % 2 == 0 ? "An Giang" : "Trà Vinh", i % 3 == 0 ? "postpaid" : "prepaid"));
        }
        audience.append("0123,An Giang,prepaid\n");
        ImportReport r = campaigns.importAudience(k.id(), new BufferedReader(new StringReader(audience.toString())),
                new AudienceFilter("An Giang", AudienceFilter.parseTypes("prepaid|postpaid")), rows -> { });
        String text = CampaignReport.imported(r) + CampaignReport.estimate(k, campaigns.estimate(k));
        campaigns.apply(k.id(), CampaignAction.START);
        return new Started(k, text);
    }

    /** One progress line. */
    static String line(Campaigns campaigns, Campaign k) {
        RecipientCounts c = campaigns.counts(k.id());
        String state = campaigns.find(k.id()).map(x -> x.state().name().toLowerCase(Locale.ROOT)).orElse("?");
        return String.format(Locale.ROOT, "      campaign %s: %s, processed %,d/%,d, delivered %,d, failed %,d, "
                + "sent twice %,d", k.name(), state, c.processed(), c.total(), c.count(RecipientState.DELIVERED),
                c.count(RecipientState.FAILED), c.resent());
    }

    /** Whether the campaign is over and every receipt is in. */
    static boolean done(Campaigns campaigns, Campaign k) {
        RecipientCounts c = campaigns.counts(k.id());
        return campaigns.find(k.id()).map(x -> x.state().isFinal()).orElse(true) && c.waiting() == 0
                && c.count(RecipientState.SUBMITTED) == 0;
    }

    /** A started demo campaign and its import report and estimate, rendered. */
    record Started(Campaign campaign, String report) {
    }
}
