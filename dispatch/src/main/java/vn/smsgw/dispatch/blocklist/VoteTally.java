package vn.smsgw.dispatch.blocklist;

/**
 * What the store saw when recording one vote: whether it counted (new reporter for this list, source and command, or
 * one whose previous vote fell out of the window), the reporters of the source on the vote's list so far (each
 * reporter once per command), the reporters within the window for the vote's list and command (counted only while
 * the entry is a candidate, 0 otherwise), and whether the entry is (still) a candidate.
 */
public record VoteTally(boolean counted, int sourceReporters, int windowReporters, boolean candidate) {
    public VoteTally {
        if (sourceReporters < 0 || windowReporters < 0) {
            throw new IllegalArgumentException("negative reporter count");
        }
    }
}
