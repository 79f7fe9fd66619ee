package vn.smsgw.gateway.cli;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.Estimate;
import vn.smsgw.dispatch.campaign.ImportReport;
import vn.smsgw.dispatch.campaign.RecipientCounts;
import vn.smsgw.dispatch.campaign.RecipientState;
import vn.smsgw.dispatch.campaign.SendingWindow;
import vn.smsgw.parser.text.SmsEncoding;

/** The terminal renderings of a campaign: its estimate, an import report, its counts. Stateless. */
final class CampaignReport {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(SendingWindow.ZONE);

    private CampaignReport() {
    }

    static String estimate(Campaign k, Estimate e) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "campaign %d '%s' (%s), sender %s, window %s Asia/Ho_Chi_Minh%n",
                k.id(), k.name(), k.state().name().toLowerCase(Locale.ROOT), k.spec().sender(), k.spec().window()));
        b.append(String.format(Locale.ROOT, "  recipients        %,d%n", e.recipients()));
        b.append(String.format(Locale.ROOT, "  encoding          %s (mode %s)%n", name(e.encoding()),
                e.mode().name().toLowerCase(Locale.ROOT)));
        b.append(String.format(Locale.ROOT, "  characters        %,d%n", e.characters()));
        b.append(String.format(Locale.ROOT, "  segments per SMS  %d (%d characters each)%n", e.segments(),
                e.segments() == 1 ? e.encoding().singleUnits() : e.encoding().partUnits()));
        b.append(String.format(Locale.ROOT, "  total SMS         %,d%n", e.totalSms()));
        b.append(String.format(Locale.ROOT, "  duration          %s at %,d TPS; done by %s if started now%n",
                duration(e.sending()), e.tps(), LOCAL.format(e.finishes())));
        b.append("  by encoding:\n");
        for (Estimate.Option o : e.options()) {
            String delta = o.totalSms() == e.totalSms() || e.totalSms() == 0 ? ""
                    : String.format(Locale.ROOT, "  (%+d %%)", Math.round(100.0 * (o.totalSms() - e.totalSms())
                    / e.totalSms()));
            b.append(String.format(Locale.ROOT, "    %-11s %-7s %d segment%s  %,14d SMS  %10s%s%s%n",
                    o.mode().name().toLowerCase(Locale.ROOT), name(o.encoding()), o.segments(),
                    o.segments() == 1 ? " " : "s", o.totalSms(), duration(o.sending()), delta,
                    o.mode() == e.mode() ? "  <- this campaign" : ""));
        }
        Estimate.Option cheapest = e.cheapest();
        if (cheapest.totalSms() < e.totalSms()) {
            b.append(String.format(Locale.ROOT, "  hint: --encoding %s sends %,d fewer SMS (%s)%n",
                    cheapest.mode().name().toLowerCase(Locale.ROOT), e.totalSms() - cheapest.totalSms(),
                    cheapest.mode() == EncodingMode.UNACCENTED ? "without accents" : "same text"));
        }
        return b.toString();
    }

    static String imported(ImportReport r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "audience: %,d rows read, %,d recipients "
                + "added, %,d duplicates skipped, %,d filtered out, %,d invalid%n", r.rows(), r.added(),
                r.duplicates(), r.filtered(), r.rejected()));
        int shown = 0;
        for (ImportReport.Reject j : r.rejects()) {
            if (shown++ == 20) {
                b.append(String.format(Locale.ROOT, "  ... %,d more invalid rows%n", r.rejected() - 20));
                break;
            }
            b.append(String.format(Locale.ROOT, "  line %d: %s%n", j.line(), j.reason()));
        }
        return b.toString();
    }

    static String counts(RecipientCounts c) {
        StringBuilder b = new StringBuilder();
        for (RecipientState s : RecipientState.values()) {
            b.append(String.format(Locale.ROOT, "  %-10s %,12d  %5.1f %%%n", s.name().toLowerCase(Locale.ROOT),
                    c.count(s), 100 * c.rate(s)));
        }
        b.append(String.format(Locale.ROOT, "  sent twice (in flight at a crash): %,d%n", c.resent()));
        return b.toString();
    }

    static String name(SmsEncoding e) {
        return e == SmsEncoding.GSM7 ? "GSM-7" : "UCS-2";
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }
}
