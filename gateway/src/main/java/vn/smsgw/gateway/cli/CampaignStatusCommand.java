package vn.smsgw.gateway.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.RecipientCounts;
import vn.smsgw.dispatch.campaign.RecipientState;
import vn.smsgw.dispatch.store.Database;

/**
 * {@code smsgw campaign status CAMPAIGN [--follow]}: state and recipients by state; with {@code --follow} a progress
 * bar (sent of total, rate, ETA, delivered/failed) redrawn every second until the campaign is over and every receipt
 * is in, or Ctrl-C.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Recipients by state (pending, queued, submitted, delivered, failed, ...); --follow for a "
                + "live progress bar.")
final class CampaignStatusCommand extends CampaignCommand.OnCampaign {

    @Option(names = "--follow", description = "Redraw a progress bar every second until the campaign is over.")
    boolean follow;

    @Override
    public Integer call() {
        try (Database db = parent.open()) {
            Campaigns campaigns = new Campaigns(db, Clock.systemUTC());
            Optional<Campaign> found = find(campaigns);
            if (found.isEmpty()) {
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            Campaign k = found.get();
            if (follow) {
                ProgressBar bar = new ProgressBar(out, "processed");
                while (true) {
                    RecipientCounts c = campaigns.counts(k.id());
                    k = campaigns.find(k.id()).orElseThrow();
                    bar.update(c.processed(), c.total(), detail(k, c));
                    if (k.state().isFinal() && c.waiting() == 0 && c.count(RecipientState.SUBMITTED) == 0) {
                        break;
                    }
                    LockSupport.parkNanos(1_000_000_000L);
                }
                bar.finish();
            }
            RecipientCounts c = campaigns.counts(k.id());
            out.printf(Locale.ROOT, "campaign %d '%s': %s, %,d recipients%n", k.id(), k.name(),
                    k.state().name().toLowerCase(Locale.ROOT), c.total());
            out.print(CampaignReport.counts(c));
            return 0;
        }
    }

    static String detail(Campaign k, RecipientCounts c) {
        return String.format(Locale.ROOT, "%s  delivered %,d  failed %,d  expired %,d  pending %,d",
                k.state().name().toLowerCase(Locale.ROOT), c.count(RecipientState.DELIVERED),
                c.count(RecipientState.FAILED), c.count(RecipientState.EXPIRED), c.waiting());
    }
}
