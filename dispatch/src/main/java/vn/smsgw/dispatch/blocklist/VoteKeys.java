package vn.smsgw.dispatch.blocklist;

/**
 * What the vote keys decided for a batch, one element per vote in the batch's order: whether the vote counts (its
 * key is new, or its earlier vote fell out of the window) and whether its reporter is new to the entry.
 */
record VoteKeys(boolean[] counted, boolean[] newReporter) {
}
