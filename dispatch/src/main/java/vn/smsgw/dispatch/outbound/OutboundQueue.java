package vn.smsgw.dispatch.outbound;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The drain side of the durable outbound queue ({@link Outbox} is the enqueue side): submitters claim due messages
 * lane by lane, settle each claim with its {@link SubmitOutcome}, and delivery receipts settle submitted messages.
 * Several submitters, in one process or in several sharing one PostgreSQL, may claim at once: each message is
 * handed to one owner at a time, and a claim whose lease ran out (its owner died) is handed out again.
 * Implementations are thread-safe.
 */
public interface OutboundQueue {

    /**
     * Up to {@code max} messages of {@code lane} within {@code scope} in id order: PENDING ones that are due and
     * CLAIMED ones whose lease has expired. Each is CLAIMED by {@code owner} until now + {@code lease}, its attempts
     * counted up.
     */
    List<QueuedSms> claim(Lane lane, SmscScope scope, int max, String owner, Duration lease);

    /** {@link #claim(Lane, SmscScope, int, String, Duration)} of messages for any SMSC. */
    default List<QueuedSms> claim(Lane lane, int max, String owner, Duration lease) {
        return claim(lane, SmscScope.ANY, max, owner, lease);
    }

    /**
     * Whether {@link #claim} of {@code lane} within {@code scope} would find a message now: a hint read without
     * writing (another owner may claim it first), so that a submitter can look often at a lane that is mostly empty
     * without a commit each time.
     */
    boolean anyDue(Lane lane, SmscScope scope);

    /** {@link #anyDue(Lane, SmscScope)} for any SMSC. */
    default boolean anyDue(Lane lane) {
        return anyDue(lane, SmscScope.ANY);
    }

    /**
     * Extends to now + {@code lease} the claims of these messages that {@code owner} still holds (CLAIMED by it);
     * returns the ids extended. An owner still sending a message late in its lease renews it, so that no other owner
     * takes the message over meanwhile; a message missing from the answer has been taken over, or settled.
     */
    Set<Long> renew(Collection<Long> ids, String owner, Duration lease);

    /**
     * Records the outcomes in one transaction. A settlement counts only while its message is still CLAIMED by the
     * settlement's owner, under the claim it names ({@link Settlement#claim()}); returns how many counted.
     */
    int settle(List<Settlement> settlements);

    /**
     * Applies receipts, in order and in one transaction, each to the part it matches and, when that settles it, to
     * the message: DELIVERED once every part is delivered, the part's failure state once any part fails; an UNKNOWN
     * message is settled the same way. Idempotent: a part keeps its first final state. A receipt matches the part
     * whose own SMSC id its key is (the most recent); failing that, a part one of whose id's other readings
     * ({@link PartId#matchKeys()} after the first) it is, if that part still waits for its receipt and, when the
     * receipt names its subscriber, was sent to that subscriber. A receipt that matches nothing is kept for a few
     * minutes, in case it overtook the settlement of its own submit. Returns, per receipt, the message id it matched.
     */
    List<OptionalLong> applyReceipts(List<ReceiptUpdate> receipts);

    /**
     * Records the SMSC ids of parts whose submit_sm_resp came late, after their message was settled UNKNOWN for want
     * of it, each the last part of its message: their receipt keys, so that a receipt can settle the message as for
     * any other (DELIVERED once every part is), and the receipts already parked under those keys, applied now. A part
     * is recorded only while its message is UNKNOWN and that part is the one it waited for; returns how many were.
     */
    int recordLateParts(List<LatePart> parts);

    /**
     * The queue proper: by lane, the messages waiting to be sent (PENDING) and being sent (CLAIMED). Cheap enough to
     * read every second: the JDBC adapter reads only those messages (from an index of them on SQLite), not the ones
     * already sent.
     */
    QueueDepth depth();

    /**
     * Every message ever queued, by lane and state. Reads every message: for a summary or a benchmark, not for
     * periodic monitoring (the MT counters count what was sent, delivered and failed).
     */
    QueueDepth countByState();

    /** The message with this queue id, if there is one. */
    Optional<OutboundStatus> status(long id);
}
