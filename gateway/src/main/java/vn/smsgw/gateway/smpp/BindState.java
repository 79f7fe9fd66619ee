package vn.smsgw.gateway.smpp;

/** Where one SMPP session stands in its life cycle. */
public enum BindState {
    /** Opening the TCP connection or waiting for the bind response. */
    CONNECTING,
    /** Bound: MO is received (and MT may be submitted, for a transceiver or transmitter). */
    BOUND,
    /** Not bound after a lost connection or a failed bind; a reconnect is scheduled after a backoff. */
    BACKOFF,
    /** The SMSC refused the credentials (system_id, password); retried at the slow authentication interval. */
    AUTH_FAILED,
    /** Closed on purpose; no reconnect follows. */
    STOPPED
}
