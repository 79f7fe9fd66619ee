package vn.smsgw.gateway.smpp;

import java.util.Optional;

/** One SMSC bind as the {@link Submitter} sees it. Implementations are thread-safe. */
public interface SubmitSession {

    /** The bind's name, for logs, meters and queue claims; stable and unique within the process. */
    String name();

    /** The name of the SMSC the session is bound to, which scopes the message ids it hands out. */
    String smsc();

    /** The jsmpp session while it is bound and may transmit; empty while the bind is down. */
    Optional<PipelinedSmppSession> bound();
}
