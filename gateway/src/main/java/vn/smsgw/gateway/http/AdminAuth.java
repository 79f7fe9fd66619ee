package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Who may use the admin API: anyone ({@link #none()}, for a server on loopback), or whoever sends
 * {@code Authorization: Bearer <token>} ({@link #bearer}). {@code /health} and {@code /metrics} are open either way,
 * for load balancers and scrapers: they carry no personal data. Compares tokens in constant time. Immutable.
 */
final class AdminAuth {
    private static final String BEARER = "Bearer ";
    private static final String HIDDEN = "***";

    private final byte[] token;

    private AdminAuth(byte[] token) {
        this.token = token;
    }

    /** No authentication. */
    static AdminAuth none() {
        return new AdminAuth(null);
    }

    /** A bearer token, at least 16 characters. */
    static AdminAuth bearer(String token) {
        Objects.requireNonNull(token, "token");
        if (token.length() < 16) {
            throw new IllegalArgumentException("the admin token must be at least 16 characters");
        }
        return new AdminAuth(token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return token == null ? "AdminAuth[none]" : "AdminAuth[bearer " + HIDDEN + "]";
    }

    /** Whether a request for {@code path} with {@code headers} may be served. */
    boolean allows(String path, HttpHeaders headers) {
        if (token == null || path.equals("/health") || path.equals("/metrics")) {
            return true;
        }
        String value = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (value == null || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = value.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }
}
