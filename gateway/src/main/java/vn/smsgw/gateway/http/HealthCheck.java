package vn.smsgw.gateway.http;

/**
 * One component whose state {@code GET /health} reports: the store, the intake queue, each SMPP bind. Implementations
 * are thread-safe and cheap (they run on every health request); {@link #check()} should not throw, and an exception
 * it throws is reported as {@link Health.Status#DOWN}.
 */
public interface HealthCheck {

    /** The component's key in the health document, e.g. {@code store} or {@code smsc.viettel-1}. */
    String name();

    /** The component's state now. */
    Health check();
}
