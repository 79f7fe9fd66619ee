package vn.smsgw.dispatch.blocklist;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sources that are never listed: the built-in {@link #DEFAULTS} (emergency numbers and the reporting short
 * codes, always in force) and what operators added (stored). Thread-safe.
 *
 * <p>{@link #contains} reads an in-memory snapshot, so intake's hot path (inside its transaction) does no I/O. The
 * snapshot is read from the store when this object is constructed (do that outside any transaction), reloaded after a
 * change made through this process's {@link BlocklistAdmin}, and re-validated in the background against the stored
 * revision every {@code refresh} (10 s by default), so another process's change is seen shortly after
 * {@code refresh}. A vote for a source allowlisted elsewhere in that gap is still never listed: {@link Blocklist}
 * checks the store in the voting transaction before listing, and allowlisting delists the source everywhere; both
 * first take {@link BlocklistStore#lockListing}, so that on a shared PostgreSQL each sees the other's commit.
 */
public final class Allowlist {
    /** Police, fire, ambulance and the 156/5656 reporting short codes. */
    public static final List<String> DEFAULTS = List.of("113", "114", "115", "156", "5656");
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);

    private final RevisionCache<Map<String, AllowlistEntry>> cache;

    public Allowlist(BlocklistStores stores, Clock clock, Duration refresh) {
        AllowlistStore store = stores.allowlist();
        this.cache = new RevisionCache<>("allowlist", stores.transactions(), clock, refresh, store::revision,
                store::all);
    }

    /** True when {@code source} (a {@link vn.smsgw.parser.number.Source} value) is never to be listed. */
    public boolean contains(String source) {
        return DEFAULTS.contains(source) || cache.get().containsKey(source);
    }

    /** The stored entries (the defaults are stored too once an admin has seeded them). */
    public Map<String, AllowlistEntry> entries() {
        return cache.get();
    }

    /** True for a built-in entry, which cannot be removed. */
    public static boolean isDefault(String source) {
        return DEFAULTS.contains(source);
    }

    void changed() {
        cache.reload();
    }
}
