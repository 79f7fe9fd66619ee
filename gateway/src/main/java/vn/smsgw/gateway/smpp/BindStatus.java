package vn.smsgw.gateway.smpp;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one SMPP session: the SMSC it belongs to, its name ({@code trx-0}, {@code rx-1}, ...), its state,
 * when it entered that state, the last error ("" if none since the last bind) and how often it was reconnected
 * after being bound.
 */
public record BindStatus(String smsc, String bind, BindState state, Instant since, String lastError, long reconnects) {

    /** Checks for nulls. */
    public BindStatus {
        Objects.requireNonNull(smsc, "smsc");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** Whether the session is bound now. */
    public boolean isBound() {
        return state == BindState.BOUND;
    }
}
