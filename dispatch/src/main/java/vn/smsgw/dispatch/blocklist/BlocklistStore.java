package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.report.Command;

/**
 * Storage of votes, entries, the change feed and the audit trail. Every method runs inside the caller's transaction;
 * implementations are thread-safe. The rules (thresholds, when to list, who may act) are {@link Blocklist}'s.
 */
public interface BlocklistStore {

    /**
     * Records the votes in order, one {@link VoteTally} each. A vote counts when its (list, source, command, reporter)
     * is new, or when the earlier vote of that reporter is older than {@code windowStart} of its command (its time is
     * then refreshed). A counted vote creates or updates the entry (as CANDIDATE when new).
     */
    List<VoteTally> record(Tx tx, List<Vote> votes, Map<Command, Instant> windowStart, Instant now);

    /** Applies the transition if the entry is in {@code from}, appending its feed event; false when it is not. */
    boolean transition(Tx tx, Transition transition);

    /** The source's entries on every list (usually one). */
    List<BlocklistEntry> entries(Tx tx, String source);

    /** Streams the LISTED entries of {@code list}, ordered by source. */
    void forEachListed(Tx tx, String list, Consumer<ListedEntry> sink);

    /** Up to {@code limit} events of {@code list} with seq greater than {@code afterSeq}, in seq order. */
    List<BlocklistEvent> changes(Tx tx, String list, long afterSeq, int limit);

    /** Appends to the audit trail. */
    void audit(Tx tx, AuditRecord record);

    /** The audit trail of a source (or file name), oldest first. */
    List<AuditRecord> auditTrail(Tx tx, String source);

    /**
     * Serialises, until {@code tx} ends, the decisions about listing {@code source} across transactions that run at
     * once: taken before reading the allowlist to list or relist the source, and before allowlisting it, so that each
     * sees the other's commit (without it, on PostgreSQL, a listing could miss an allowlisting in progress, which then
     * missed the listing, and the source stayed LISTED though allowlisted). Nothing to do for a store whose write
     * transactions run one at a time.
     */
    default void lockListing(Tx tx, String source) {
        lockListing(tx, List.of(source));
    }

    /**
     * {@link #lockListing(Tx, String)} for several sources at once, all their entries in one order (list, source):
     * a transaction that lists or allowlists several sources takes them all before any decision, as no row may be
     * waited for once the listing lock is held (another transaction holding that row may be waiting for the lock).
     */
    default void lockListing(Tx tx, Collection<String> sources) {
    }
}
