package vn.smsgw.dispatch.outbound;

import java.util.Objects;

/** The outcome of one claimed message, recorded by the owner that claimed it. */
public record Settlement(long id, String owner, SubmitOutcome outcome) {

    /** Checks for nulls. */
    public Settlement {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(outcome, "outcome");
    }
}
