package vn.smsgw.dispatch.intake;

import java.util.List;
import vn.smsgw.dispatch.store.Tx;

/** Durable storage of concatenated MO parts until their message is reassembled. Thread-safe. */
public interface PartStore {

    /** What adding a part did. */
    enum Added {
        /** Stored; the message still misses parts. */
        STORED,
        /** Stored, and now every part of the message is there. */
        COMPLETED,
        /** The same part was stored or reassembled before: ignored. */
        DUPLICATE
    }

    /** Stores a part (in the caller's transaction). */
    Added add(Tx tx, InboundPart part, String textHash);

    /** The stored parts of a message, in part order. */
    List<InboundPart> parts(Tx tx, String groupKey);

    /** Keys of open messages whose first part arrived before {@code epochMillis}. */
    List<String> openSince(Tx tx, long epochMillis, int limit);

    /** Removes a message's parts, remembering them as reassembled at {@code epochMillis}. */
    void complete(Tx tx, String groupKey, long epochMillis);

    /** Forgets reassembled parts older than {@code epochMillis}; returns how many. */
    int expireDone(Tx tx, long epochMillis);
}
