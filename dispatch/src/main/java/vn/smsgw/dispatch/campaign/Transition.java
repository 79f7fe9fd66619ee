package vn.smsgw.dispatch.campaign;

import java.util.Objects;

/**
 * The outcome of applying a {@link CampaignAction}: the campaign moved, the action was refused and why, or there is
 * no such campaign.
 */
public sealed interface Transition {

    /** The campaign went from {@code from} to {@code to}. */
    record Moved(CampaignState from, CampaignState to) implements Transition {
        /** Checks for nulls. */
        public Moved {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The action is not allowed in state {@code state}; {@code reason} says so in words. */
    record Refused(CampaignState state, CampaignAction action, String reason) implements Transition {
        /** Checks for nulls. */
        public Refused {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No campaign has that id or name. */
    record NotFound(String campaign) implements Transition {
        /** Checks for nulls. */
        public NotFound {
            Objects.requireNonNull(campaign, "campaign");
        }
    }
}
