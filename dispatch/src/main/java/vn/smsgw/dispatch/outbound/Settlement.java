package vn.smsgw.dispatch.outbound;

import java.util.Objects;

/**
 * The outcome of one claimed message, recorded by the owner that claimed it. {@code claim} names the claim it settles:
 * the message's {@link QueuedSms#attempts()} as that claim returned it, which every later claim of the message raises;
 * {@link #ANY_CLAIM} settles whichever claim the owner holds. A claim's lease can run out while its owner still holds
 * the message (waiting its turn on a slow bind), and the same owner claim it again: the settlement of the first copy
 * must then leave the second claim alone, or the message would go back to the queue while the second copy is sent.
 */
public record Settlement(long id, String owner, int claim, SubmitOutcome outcome) {

    /** The claim of a settlement that settles whichever claim its owner holds. */
    public static final int ANY_CLAIM = 0;

    /** Checks for nulls and the claim. */
    public Settlement {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(outcome, "outcome");
        if (claim < 0) {
            throw new IllegalArgumentException("claim must not be negative: " + claim);
        }
    }

    /** Settles whichever claim of the message {@code owner} holds. */
    public Settlement(long id, String owner, SubmitOutcome outcome) {
        this(id, owner, ANY_CLAIM, outcome);
    }

    /** Settles the claim of {@code message} that returned it, held by {@code owner}. */
    public static Settlement of(QueuedSms message, String owner, SubmitOutcome outcome) {
        return new Settlement(message.id(), owner, message.attempts(), outcome);
    }

    /** Whether this settles the claim whose message count of attempts is {@code attempts}. */
    public boolean settles(int attempts) {
        return claim == ANY_CLAIM || claim == attempts;
    }
}
