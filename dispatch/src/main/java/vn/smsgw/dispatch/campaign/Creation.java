package vn.smsgw.dispatch.campaign;

import java.util.Objects;

/**
 * The outcome of {@link Campaigns#createWithAudience}: a draft with its audience, a name already taken, or an audience
 * that could not be imported (no campaign left behind).
 */
public sealed interface Creation {

    /** The DRAFT campaign and what its import did. */
    record Created(Campaign campaign, ImportReport report) implements Creation {
        /** Checks for nulls. */
        public Created {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(report, "report");
        }
    }

    /** Another campaign has the name; nothing was stored. */
    record NameTaken(String reason) implements Creation {
        /** Checks for nulls. */
        public NameTaken {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The audience could not be imported to its end (unreadable half-way, a filter on a column it lacks); the draft
     * and what it had imported were discarded, the name is free again.
     */
    record AudienceRefused(String reason) implements Creation {
        /** Checks for nulls. */
        public AudienceRefused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
