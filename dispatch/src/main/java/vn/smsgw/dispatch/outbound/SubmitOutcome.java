package vn.smsgw.dispatch.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** How the submission of a claimed message ended. */
public sealed interface SubmitOutcome {

    /** Every part accepted by the SMSC; the message is SUBMITTED until its receipts arrive. */
    record Submitted(List<PartId> parts) implements SubmitOutcome {
        /** Copies the parts; at least one. */
        public Submitted {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a submitted message has at least one part");
            }
        }
    }

    /**
     * The SMSC refused a part for good, or the message cannot be encoded: FAILED with the error, e.g.
     * {@code 0x0000000B} or {@code refused: …}. Parts accepted before stay recorded.
     */
    record Failed(String error, List<PartId> accepted) implements SubmitOutcome {
        /** Checks the error and copies the parts. */
        public Failed {
            Objects.requireNonNull(error, "error");
            accepted = List.copyOf(accepted);
        }
    }

    /**
     * A part got no submit_sm_resp: the SMSC may have it, so the message is UNKNOWN and is not sent again. Parts
     * accepted before stay recorded, so their receipts can still settle the message.
     */
    record Unknown(String reason, List<PartId> accepted) implements SubmitOutcome {
        /** Checks the reason and copies the parts. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
            accepted = List.copyOf(accepted);
        }
    }

    /**
     * Nothing was sent (no bind, stopping): back to PENDING under the same id, due at {@code notBefore}. When
     * {@code countsAsAttempt} is false the claim does not count in {@code attempts}.
     */
    record RetryLater(Instant notBefore, String error, boolean countsAsAttempt) implements SubmitOutcome {
        /** Checks for nulls. */
        public RetryLater {
            Objects.requireNonNull(notBefore, "notBefore");
            Objects.requireNonNull(error, "error");
        }
    }
}
