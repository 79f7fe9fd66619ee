package vn.smsgw.dispatch.outbound;

/** The two lanes of the outbound queue; {@link #REPLY} is always drained before {@link #CAMPAIGN}. */
public enum Lane {
    REPLY,
    CAMPAIGN
}
