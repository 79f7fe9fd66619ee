package vn.smsgw.dispatch.intake;

import java.util.List;
import java.util.Objects;
import vn.smsgw.dispatch.store.Tx;

/** Durable storage of concatenated MO parts until their message is reassembled. Thread-safe. */
public interface PartStore {

    /** What adding a part did. */
    sealed interface Added permits Added.Stored, Added.Completed, Added.Duplicate {

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

        /** The same part was stored or reassembled before: ignored. */
        record Duplicate() implements Added {
        }
    }

    /** Stores a part (in the caller's transaction); {@code textHash} identifies its content. */
    Added add(Tx tx, InboundPart part, String textHash);

    /** The stored parts of an open message, in part order. */
    List<StoredPart> parts(Tx tx, String groupKey);

    /** Keys of open messages whose first part arrived before {@code epochMillis}, at most {@code limit}. */
    List<String> openSince(Tx tx, long epochMillis, int limit);

    /** Removes a message's parts, remembering them as reassembled at {@code epochMillis}. */
    void complete(Tx tx, String groupKey, long epochMillis);

    /** Forgets reassembled parts older than {@code epochMillis}; returns how many. */
    int expireDone(Tx tx, long epochMillis);
}
