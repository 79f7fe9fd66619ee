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

    /** Adds or replaces the overrides. */
    void put(Tx tx, List<PortabilityOverride> overrides, Instant loadedAt);

    /** A number that differs after any {@link #put}, in any process. */
    long revision(Tx tx);
}
