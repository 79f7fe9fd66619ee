package vn.smsgw.dispatch.blocklist;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;

/**
 * Which list a reported source belongs on: the carrier serving a mobile number (the operator's portability override
 * when there is one, else the prefix allocation), {@link BlocklistName#SENDER} for brandnames and short codes,
 * {@link BlocklistName#UNALLOCATED} for other numbers. Thread-safe.
 *
 * <p>The overrides are held in memory (a full national portability file is a few million rows, about 100 bytes
 * each), read when this object is constructed (outside any transaction), reloaded after a load through this process
 * and re-validated in the background against the stored revision every {@code refresh}. A load does not move existing entries: reports already counted stay on the list they were counted on.
 */
public final class PortabilityOverrides {
    private final RevisionCache<Map<String, Carrier>> cache;

    public PortabilityOverrides(BlocklistStores stores, Clock clock, Duration refresh) {
        PortabilityStore store = stores.portability();
        this.cache = new RevisionCache<>("portability", stores.transactions(), clock, refresh, store::revision,
                store::all);
    }

    /** The carrier serving {@code source} today as far as smsgw knows; {@link Carrier#UNKNOWN} for non-mobiles. */
    public Carrier carrierOf(Source source) {
        if (source.type() != SourceType.MOBILE) {
            return source.carrier();
        }
        return cache.get().getOrDefault(source.value(), source.carrier());
    }

    /** The {@link BlocklistName} a report against {@code source} counts on. */
    public String listOf(Source source) {
        return BlocklistName.of(source.type(), carrierOf(source));
    }

    void changed() {
        cache.reload();
    }
}
