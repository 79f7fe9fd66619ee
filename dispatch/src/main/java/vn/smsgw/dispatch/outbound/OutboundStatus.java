package vn.smsgw.dispatch.outbound;

import java.util.List;
import java.util.Objects;

/**
 * Where one outbound message stands.
 *
 * @param error        the last error or reason ("" for none): an SMSC code such as {@code 0x0000000B}, a receipt's
 *                     error, or why the message is UNKNOWN
 * @param parts        the parts accepted by the SMSC, in part order
 */
public record OutboundStatus(long id, Lane lane, OutboundState state, int attempts, String error,
                             List<PartStatus> parts) {

    /** One part accepted by the SMSC: its message id and its state (SUBMITTED until a final receipt). */
    public record PartStatus(int part, String smscMessageId, OutboundState state) {
        /** Checks for nulls. */
        public PartStatus {
            Objects.requireNonNull(smscMessageId, "smscMessageId");
            Objects.requireNonNull(state, "state");
        }
    }

    /** Checks for nulls and copies the parts. */
    public OutboundStatus {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        parts = List.copyOf(parts);
    }
}
