package vn.smsgw.dispatch.blocklist;

/**
 * What a {@link Vote} did: whether it counted (a new distinct reporter), how many distinct reporters the source has
 * on any list so far, and whether this vote moved the entry to LISTED.
 */
public record VoteOutcome(boolean counted, int reporters, boolean listedNow) {
    public VoteOutcome {
        if (reporters < 0) {
            throw new IllegalArgumentException("reporters < 0");
        }
    }
}
