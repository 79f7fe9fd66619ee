package vn.smsgw.dispatch.blocklist;

import java.util.Map;
import vn.smsgw.dispatch.store.Tx;

/** Storage of the allowlist, with a revision that changes on every write (for caches in several processes). */
public interface AllowlistStore {

    /** Every entry, by source. */
    Map<String, AllowlistEntry> all(Tx tx);

    /** True when {@code source} is stored (the authoritative check, in the caller's transaction). */
    boolean contains(Tx tx, String source);

    /** What {@link #put} did. */
    enum Put {
        /** The source was not allowlisted. */
        ADDED,
        /** The source was allowlisted with another note or origin, now replaced. */
        CHANGED,
        /** The source was allowlisted with this note and origin already. */
        UNCHANGED
    }

    /** Adds the entry, or replaces the note and origin of an existing one (keeping when it was added). */
    Put put(Tx tx, AllowlistEntry entry);

    /** Removes the source; false when it was not allowlisted. */
    boolean remove(Tx tx, String source);

    /** A number that differs after any {@link #put} or {@link #remove}, in any process. */
    long revision(Tx tx);
}
