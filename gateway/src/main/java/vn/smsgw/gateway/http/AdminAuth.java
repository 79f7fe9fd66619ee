package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Who may use the admin API: anyone ({@link #none()}, for a server on loopback), or whoever sends
 * {@code Authorization: Bearer <token>} with one of the configured tokens, each limited to its scopes
 * ({@link #of}). {@code /health} and {@code /metrics} are open either way, for load balancers and scrapers: they carry
 * no personal data. Compares a request's token with every configured one, each in constant time. Immutable.
 */
final class AdminAuth {
    private static final String BEARER = "Bearer ";

    /** A token's bytes and what it opens. */
    private record Key(byte[] token, ScopedToken scoped) {
    }

    private final List<Key> keys;

    private AdminAuth(List<Key> keys) {
        this.keys = keys;
    }

    /** No authentication. */
    static AdminAuth none() {
        return new AdminAuth(List.of());
    }

    /** These tokens, each with its scopes; none: no authentication. A token given twice is refused. */
    static AdminAuth of(List<ScopedToken> tokens) {
        if (tokens.stream().map(ScopedToken::token).distinct().count() != tokens.size()) {
            throw new IllegalArgumentException("a token is given twice: each token opens its own scopes");
        }
        return new AdminAuth(tokens.stream()
                .map(t -> new Key(t.token().getBytes(StandardCharsets.UTF_8), t)).toList());
    }

    @Override
    public String toString() {
        return keys.isEmpty() ? "AdminAuth[none]" : "AdminAuth[" + keys.size() + " bearer token(s)]";
    }

    /** Whether the request carries an Authorization header of the bearer scheme at all. */
    static boolean hasBearer(HttpHeaders headers) {
        String value = headers.get(HttpHeaderNames.AUTHORIZATION);
        return value != null && value.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /** Whether a request for {@code path} with {@code headers} may go on: the path is open or it carries a token. */
    boolean allows(String path, HttpHeaders headers) {
        return keys.isEmpty() || path.equals("/health") || path.equals("/metrics") || token(headers).isPresent();
    }

    /** Whether the request's token (if tokens are configured) opens {@code scope}. */
    boolean permits(AdminScope scope, HttpHeaders headers) {
        return keys.isEmpty() || scope == AdminScope.OPEN || token(headers).map(t -> t.opens(scope)).orElse(false);
    }

    private Optional<ScopedToken> token(HttpHeaders headers) {
        String value = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (value == null || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        byte[] given = value.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        ScopedToken found = null;
        for (Key k : keys) { // every one compared, whichever matches
            if (MessageDigest.isEqual(given, k.token()) && found == null) {
                found = k.scoped();
            }
        }
        return Optional.ofNullable(found);
    }
}
