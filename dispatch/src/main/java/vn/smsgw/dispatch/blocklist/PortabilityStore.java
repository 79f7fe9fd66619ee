package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.Carrier;

/** Storage of the portability overrides, with a revision that changes on every load. */
public interface PortabilityStore {

    /** Every override: E.164 number → serving carrier. */
    Map<String, Carrier> all(Tx tx);

    /**
     * Replaces every override with {@code overrides} (a portability file lists the numbers ported now: one left out
     * has come back to its allocation, or left); returns how many overrides that removed.
     */
    int replace(Tx tx, List<PortabilityOverride> overrides, Instant loadedAt);

    /** A number that differs after any {@link #replace}, in any process. */
    long revision(Tx tx);
}
