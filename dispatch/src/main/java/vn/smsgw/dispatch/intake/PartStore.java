package vn.smsgw.dispatch.intake;

import java.util.List;
import java.util.Objects;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Tx;

/**
 * Durable storage of concatenated MO parts until their message is stored, then of what the message had (to recognise
 * redelivered and late parts within the dedupe window), and of late parts as evidence of its case. Thread-safe.
 */
public interface PartStore {

    /** What adding a part did. */
    sealed interface Added permits Added.Stored, Added.Completed, Added.Duplicate, Added.Late {

        /** Stored; the message still misses parts. */
        record Stored() implements Added {
        }

        /** Stored, and now every part of the message stored under {@code groupKey} is there. */
        record Completed(String groupKey) implements Added {
            /** Checks for null. */
            public Completed {
                Objects.requireNonNull(groupKey, "groupKey");
            }
        }

        /** The same part was stored before (with its message, or as a late part): ignored. */
        record Duplicate() implements Added {
        }

        /**
         * A part that its message, stored without it under {@code caseId}, never had: kept as evidence of that case,
         * and nothing else.
         */
        record Late(CaseId caseId) implements Added {
            /** Checks for null. */
            public Late {
                Objects.requireNonNull(caseId, "caseId");
            }
        }
    }

    /** Stores a part (in the caller's transaction); {@code textHash} identifies its content. */
    Added add(Tx tx, InboundPart part, String textHash);

    /** The stored parts of an open message, in part order. */
    List<StoredPart> parts(Tx tx, String groupKey);

    /** Keys of open messages whose first part arrived before {@code epochMillis}, at most {@code limit}. */
    List<String> openSince(Tx tx, long epochMillis, int limit);

    /**
     * Removes an open message's parts, remembering which parts it had and that it was stored under {@code caseId}
     * at {@code epochMillis}.
     */
    void complete(Tx tx, String groupKey, CaseId caseId, long epochMillis);

    /**
     * Forgets what the messages stored before {@code epochMillis} had, so that a later part under their key opens a
     * new message; late parts are kept. Returns how many parts were forgotten.
     */
    int expireDone(Tx tx, long epochMillis);

    /** The late parts kept as evidence of {@code caseId}, in the order they arrived. */
    List<StoredPart> lateParts(Tx tx, CaseId caseId);
}
