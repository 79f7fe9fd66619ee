package vn.smsgw.dispatch.blocklist;

/**
 * Where an entry stands on its list: reported but below the threshold, listed (exported and fed to the carrier), or
 * delisted by an operator (sticky: only an operator relists it).
 */
public enum EntryState {
    CANDIDATE,
    LISTED,
    DELISTED
}
