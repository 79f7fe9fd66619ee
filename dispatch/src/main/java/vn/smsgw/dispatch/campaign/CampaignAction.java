package vn.smsgw.dispatch.campaign;

import java.util.Locale;

/** What moves a campaign between {@link CampaignState}s; BEGIN and FINISH are taken by the runner. */
public enum CampaignAction {
    START,
    BEGIN,
    PAUSE,
    RESUME,
    CANCEL,
    FINISH;

    String verb() {
        return name().toLowerCase(Locale.ROOT);
    }
}
