package vn.smsgw.gateway.config;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.smsgw.gateway.http.AdminScope;
import vn.smsgw.gateway.http.AdminTls;
import vn.smsgw.gateway.http.ScopedToken;

/**
 * {@code http}: the admin server's {@code host} (default 127.0.0.1), {@code port} (default 8156; 0 = any free),
 * {@code token} (default empty: no authentication; else at least 16 characters, required as a bearer token by every
 * request but {@code /health} and {@code /metrics}; it opens every scope), {@code tokens} (default none: more tokens,
 * each a {@code token} of at least 16 characters with the {@code scopes} it opens: blocklists, police, reports,
 * campaigns, operator) and {@code tls} (default none: plain HTTP; else HTTPS with a PEM {@code certificate} chain and
 * its PKCS#8 PEM private {@code key}).
 */
public record HttpConfig(String host, int port, String token, List<ScopedToken> tokens, AdminTls tls) {

    /** Checks the port and the token's length. */
    public HttpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (!token.isEmpty() && token.length() < 16) {
            throw new IllegalArgumentException("token must be at least 16 characters");
        }
        tokens = List.copyOf(tokens);
    }

    /** Plain HTTP with {@code token}. */
    public HttpConfig(String host, int port, String token) {
        this(host, port, token, List.of(), AdminTls.NONE);
    }

    /** Plain HTTP, no authentication. */
    public HttpConfig(String host, int port) {
        this(host, port, "");
    }

    /** This configuration on another port, the rest kept. */
    public HttpConfig withPort(int newPort) {
        return new HttpConfig(host, newPort, token, tokens, tls);
    }

    /** This configuration with another token, the rest kept. */
    public HttpConfig withToken(String newToken) {
        return new HttpConfig(host, port, newToken, tokens, tls);
    }

    /** Without the token, which is a secret. */
    @Override
    public String toString() {
        return "HttpConfig[host=" + host + ", port=" + port + ", token=" + (token.isEmpty() ? "none" : "***")
                + ", tokens=" + tokens + ", tls=" + (tls.enabled() ? tls.certificateChain() : "none") + "]";
    }

    static HttpConfig read(ConfigNode n) {
        String token = n.string("token", "");
        if (!token.isEmpty() && token.length() < 16) {
            throw new ConfigException("http.token must be at least 16 characters, or empty for none");
        }
        if (!token.isEmpty()) {
            checkToken(n.key("token"), token);
        }
        AdminTls tls = n.written("tls") ? n.section("tls").as(HttpConfig::readTls) : AdminTls.NONE;
        List<ScopedToken> tokens = new ArrayList<>();
        Set<String> seen = new HashSet<>(List.of(token));
        for (ConfigNode t : n.sections("tokens")) {
            ScopedToken scoped = t.as(HttpConfig::readToken);
            if (!seen.add(scoped.token())) {
                throw new ConfigException(t.key("token") + " is given twice (each token opens its own scopes)");
            }
            tokens.add(scoped);
        }
        String host = n.string("host", "127.0.0.1");
        if (host.isBlank()) {
            throw new ConfigException(n.key("host") + " must name an address to listen on, e.g. 127.0.0.1");
        }
        return new HttpConfig(host, n.integer("port", 8156, 0, 65_535), token, tokens, tls);
    }

    private static ScopedToken readToken(ConfigNode n) {
        String token = n.string("token", "");
        checkToken(n.key("token"), token);
        Set<AdminScope> scopes = EnumSet.noneOf(AdminScope.class);
        for (String name : n.strings("scopes", List.of())) {
            try {
                scopes.add(AdminScope.parse(name));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(n.key("scopes") + ": " + e.getMessage());
            }
        }
        if (scopes.isEmpty()) {
            throw new ConfigException(n.key("scopes") + " must name at least one scope");
        }
        return new ScopedToken(token, scopes);
    }

    private static AdminTls readTls(ConfigNode n) {
        String certificate = n.string("certificate", "");
        String key = n.string("key", "");
        if (certificate.isEmpty() || key.isEmpty()) {
            // a tls section that names no file must not quietly serve plain HTTP
            throw new ConfigException(n.key("certificate") + " and " + n.key("key") + " are both needed with "
                    + n.key("").replaceAll("\\.$", "") + ": " + (certificate.isEmpty() ? "no certificate" : "no key")
                    + "; leave the section out for plain HTTP");
        }
        readable(n.key("certificate"), certificate);
        readable(n.key("key"), key);
        AdminTls tls = new AdminTls(certificate, key);
        if (tls.enabled()) {
            try {
                tls.check();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(n.key("certificate") + " and " + n.key("key") + ": " + e.getMessage());
            }
        }
        return tls;
    }

    /**
     * Refuses a bearer token named {@code key} (a configuration key or an environment variable) that is shorter than
     * 16 characters or holds a character other than letters, digits and {@code -._~+/}, then any {@code =} (RFC
     * 6750's b64token): a token travels in an HTTP header, and any other character (a space, a non-ASCII letter)
     * would make a token that never matches.
     */
    public static void checkToken(String key, String token) {
        if (token.length() < 16) {
            throw new ConfigException(key + " must be at least 16 characters");
        }
        if (!token.matches("[A-Za-z0-9\\-._~+/]+=*")) {
            throw new ConfigException(key + " may hold only letters, digits and -._~+/ (then any =)");
        }
    }

    private static void readable(String key, String file) {
        if (!file.isEmpty() && !Files.isReadable(ConfigNode.path(key, file))) {
            throw new ConfigException(key + ": cannot read " + file);
        }
    }
}
