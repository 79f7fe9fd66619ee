package vn.smsgw.dispatch.campaign;

import java.time.Instant;
import java.util.Objects;
import vn.smsgw.dispatch.outbound.QueuedSms;

/**
 * A stored campaign: its id, what it sends ({@link CampaignSpec}) and where it is in its lifecycle.
 *
 * @param startedAt when it first began running; {@link Instant#EPOCH} before that
 * @param expiresAt when it stops sending for good (start + validity); {@link Instant#EPOCH} before it began
 */
public record Campaign(long id, CampaignSpec spec, CampaignState state, Instant createdAt, Instant startedAt,
                       Instant expiresAt) {

    /** Checks for nulls. */
    public Campaign {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String name() {
        return spec.name();
    }

    /** The case id its outbound messages carry, {@code campaign-<id>}. */
    public String caseId() {
        return caseId(id);
    }

    /** The outbound {@code kind} of its messages: {@code CAMPAIGN}, or {@code CAMPAIGN_UCS2} in mode ucs2. */
    static String outboundKind(EncodingMode mode) {
        return mode == EncodingMode.UCS2 ? "CAMPAIGN" + QueuedSms.UCS2_KIND_SUFFIX : "CAMPAIGN";
    }

    static String caseId(long id) {
        return "campaign-" + id;
    }
}
