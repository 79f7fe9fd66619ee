package vn.smsgw.dispatch.campaign;

/**
 * Where a campaign is in its lifecycle: DRAFT → SCHEDULED → RUNNING ⇄ PAUSED → DONE, or CANCELLED from any state
 * but DONE. Only a DRAFT takes audience imports; starting freezes the audience.
 */
public enum CampaignState {
    DRAFT,
    SCHEDULED,
    RUNNING,
    PAUSED,
    DONE,
    CANCELLED;

    /** Whether nothing can happen to the campaign any more. */
    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }

    /** The state {@code action} leads to from this one, or why it is refused. */
    public Transition apply(CampaignAction action) {
        CampaignState to = switch (action) {
            case START -> this == DRAFT ? SCHEDULED : null;
            case BEGIN -> this == SCHEDULED ? RUNNING : null;
            case PAUSE -> this == RUNNING || this == SCHEDULED ? PAUSED : null;
            case RESUME -> this == PAUSED ? RUNNING : null;
            case CANCEL -> isFinal() ? null : CANCELLED;
            case FINISH -> this == RUNNING || this == PAUSED ? DONE : null;
        };
        if (to == null) {
            return new Transition.Refused(this, action, "cannot " + action.verb() + " a campaign that is "
                    + name().toLowerCase(java.util.Locale.ROOT) + hint(action));
        }
        return new Transition.Moved(this, to);
    }

    private String hint(CampaignAction action) {
        if (isFinal()) {
            return " (it is over)";
        }
        return switch (action) {
            case RESUME -> " (only a paused campaign resumes)";
            case START -> " (only a draft starts; resume a paused one)";
            default -> "";
        };
    }
}
