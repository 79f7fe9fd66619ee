package vn.smsgw.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.RecipientCounts;
import vn.smsgw.dispatch.campaign.RecipientState;

/**
 * {@code smsgw_campaign_recipients{campaign,state}} (recipients by state) and
 * {@code smsgw_campaign_sent_twice{campaign}}, refreshed every few seconds from the store for campaigns that are not
 * over, and once more when they end. Close it once.
 */
public final class CampaignMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CampaignMetrics.class);

    private final Campaigns campaigns;
    private final MultiGauge recipients;
    private final MultiGauge sentTwice;
    private final ScheduledExecutorService refresher;

    /** Registers the gauges on {@code registry} and refreshes them every {@code periodSeconds}. */
    public CampaignMetrics(Campaigns campaigns, MeterRegistry registry, int periodSeconds) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.recipients = MultiGauge.builder("smsgw.campaign.recipients")
                .description("Campaign recipients by state").register(registry);
        this.sentTwice = MultiGauge.builder("smsgw.campaign.sent.twice")
                .description("Campaign recipients submitted again after a crash left their outcome unknown")
                .register(registry);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smsgw-campaign-metrics");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, periodSeconds, TimeUnit.SECONDS);
    }

    /** Reads the counts now. */
    public void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            List<MultiGauge.Row<?>> twice = new ArrayList<>();
            for (Campaign k : campaigns.list()) {
                RecipientCounts c = campaigns.counts(k.id());
                String name = k.name();
                for (RecipientState s : RecipientState.values()) {
                    rows.add(MultiGauge.Row.of(Tags.of("campaign", name, "state",
                            s.name().toLowerCase(Locale.ROOT)), c.count(s)));
                }
                twice.add(MultiGauge.Row.of(Tags.of("campaign", name), c.resent()));
            }
            recipients.register(rows, true);
            sentTwice.register(twice, true);
        } catch (RuntimeException e) {
            log.warn("cannot read campaign counts: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
