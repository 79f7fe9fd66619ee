package vn.smsgw.gateway.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the admin server listens. {@code host}: the address to bind (default {@code 127.0.0.1}); {@code port}:
 * 0–65535, 0 for an ephemeral port (default 8080); {@code workerThreads}: threads answering requests, which may block
 * on the store (default 4); {@code idleTimeout}: a connection with no traffic in either direction for this long is
 * closed (default 60 s); {@code token}: when not empty, every request but {@code /health} and {@code /metrics} must
 * carry {@code Authorization: Bearer <token>} (at least 16 characters; default empty, no authentication), which opens
 * every scope; {@code tokens}: more tokens, each limited to its scopes (default none); {@code tls}: HTTPS with these
 * files, or plain HTTP ({@link AdminTls#NONE}, the default).
 */
public record AdminSettings(String host, int port, int workerThreads, Duration idleTimeout, String token,
                            List<ScopedToken> tokens, AdminTls tls) {

    public AdminSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tls, "tls");
        tokens = List.copyOf(tokens);
        if (!token.isEmpty() && token.length() < 16) {
            throw new IllegalArgumentException("token must be at least 16 characters");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be positive: " + workerThreads);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
    }

    /** The defaults: 127.0.0.1:8080, 4 worker threads, 60 s idle timeout, no token, plain HTTP. */
    public static AdminSettings defaults() {
        return new AdminSettings("127.0.0.1", 8080, 4, Duration.ofSeconds(60), "", List.of(), AdminTls.NONE);
    }

    public AdminSettings withPort(int newPort) {
        return new AdminSettings(host, newPort, workerThreads, idleTimeout, token, tokens, tls);
    }

    public AdminSettings withHost(String newHost) {
        return new AdminSettings(newHost, port, workerThreads, idleTimeout, token, tokens, tls);
    }

    public AdminSettings withToken(String newToken) {
        return new AdminSettings(host, port, workerThreads, idleTimeout, newToken, tokens, tls);
    }

    public AdminSettings withTokens(List<ScopedToken> newTokens) {
        return new AdminSettings(host, port, workerThreads, idleTimeout, token, newTokens, tls);
    }

    public AdminSettings withTls(AdminTls newTls) {
        return new AdminSettings(host, port, workerThreads, idleTimeout, token, tokens, newTls);
    }

    /** Without the token, which is a secret. */
    @Override
    public String toString() {
        return "AdminSettings[host=" + host + ", port=" + port + ", workerThreads=" + workerThreads + ", idleTimeout="
                + idleTimeout + ", token=" + (token.isEmpty() ? "none" : "***") + ", tokens=" + tokens + ", tls="
                + (tls.enabled() ? tls.certificateChain() : "none") + "]";
    }

    /** Who may use the API. */
    AdminAuth auth() {
        List<ScopedToken> all = new ArrayList<>(tokens);
        if (!token.isEmpty()) {
            all.add(ScopedToken.operator(token));
        }
        return AdminAuth.of(all);
    }
}
