package vn.smsgw.dispatch.blocklist;

import java.util.Map;
import vn.smsgw.dispatch.store.Tx;

/** Storage of the allowlist, with a revision that changes on every write (for caches in several processes). */
public interface AllowlistStore {

    /** Every entry, by source. */
    Map<String, AllowlistEntry> all(Tx tx);

    /** True when {@code source} is stored (the authoritative check, in the caller's transaction). */
    boolean contains(Tx tx, String source);

    /** Adds the entry, or replaces the note and origin of an existing one; true when the source was new. */
    boolean put(Tx tx, AllowlistEntry entry);

    /** Removes the source; false when it was not allowlisted. */
    boolean remove(Tx tx, String source);

    /** A number that differs after any {@link #put} or {@link #remove}, in any process. */
    long revision(Tx tx);
}
