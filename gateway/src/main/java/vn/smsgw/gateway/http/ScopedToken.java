package vn.smsgw.gateway.http;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A bearer token of the admin API and the scopes it opens: at least 16 characters, at least one scope, never
 * {@link AdminScope#OPEN}; {@link AdminScope#OPERATOR} opens every scope. Immutable; its string form hides the token.
 */
public record ScopedToken(String token, Set<AdminScope> scopes) {

    public ScopedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(scopes, "scopes");
        if (token.length() < 16) {
            throw new IllegalArgumentException("a token must be at least 16 characters");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope");
        }
        if (scopes.contains(AdminScope.OPEN)) {
            throw new IllegalArgumentException("'open' is not a scope a token can be given");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** A token with every scope. */
    public static ScopedToken operator(String token) {
        return new ScopedToken(token, Set.of(AdminScope.OPERATOR));
    }

    /** Whether this token opens {@code scope}. */
    boolean opens(AdminScope scope) {
        return scope == AdminScope.OPEN || scopes.contains(AdminScope.OPERATOR) || scopes.contains(scope);
    }

    @Override
    public String toString() {
        return "ScopedToken[***, scopes=" + scopes.stream().map(AdminScope::configName).sorted()
                .collect(Collectors.joining(",")) + "]";
    }
}
