package vn.smsgw.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import vn.smsgw.gateway.http.AdminTls;

/**
 * {@code http}: the admin server's {@code host} (default 127.0.0.1), {@code port} (default 8156; 0 = any free),
 * {@code token} (default empty: no authentication; else at least 16 characters, required as a bearer token by every
 * request but {@code /health} and {@code /metrics}) and {@code tls} (default none: plain HTTP; else HTTPS with a PEM
 * {@code certificate} chain and its PKCS#8 PEM private {@code key}).
 */
public record HttpConfig(String host, int port, String token, AdminTls tls) {

    /** Checks the token's length. */
    public HttpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tls, "tls");
        if (!token.isEmpty() && token.length() < 16) {
            throw new IllegalArgumentException("token must be at least 16 characters");
        }
    }

    /** Plain HTTP with {@code token}. */
    public HttpConfig(String host, int port, String token) {
        this(host, port, token, AdminTls.NONE);
    }

    /** Plain HTTP, no authentication. */
    public HttpConfig(String host, int port) {
        this(host, port, "");
    }

    /** This configuration on another port, the rest kept. */
    public HttpConfig withPort(int newPort) {
        return new HttpConfig(host, newPort, token, tls);
    }

    /** This configuration with another token, the rest kept. */
    public HttpConfig withToken(String newToken) {
        return new HttpConfig(host, port, newToken, tls);
    }

    /** Without the token, which is a secret. */
    @Override
    public String toString() {
        return "HttpConfig[host=" + host + ", port=" + port + ", token=" + (token.isEmpty() ? "none" : "***")
                + ", tls=" + (tls.enabled() ? tls.certificateChain() : "none") + "]";
    }

    static HttpConfig read(ConfigNode n) {
        String token = n.string("token", "");
        if (!token.isEmpty() && token.length() < 16) {
            throw new ConfigException("http.token must be at least 16 characters, or empty for none");
        }
        AdminTls tls = n.has("tls") ? n.section("tls").as(HttpConfig::readTls) : AdminTls.NONE;
        return new HttpConfig(n.string("host", "127.0.0.1"), n.integer("port", 8156, 0, 65_535), token, tls);
    }

    private static AdminTls readTls(ConfigNode n) {
        String certificate = n.string("certificate", "");
        String key = n.string("key", "");
        if (certificate.isEmpty() != key.isEmpty()) {
            throw new ConfigException(n.key("certificate") + " and " + n.key("key") + " go together: "
                    + (certificate.isEmpty() ? "no certificate" : "no key"));
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

    private static void readable(String key, String file) {
        if (!file.isEmpty() && !Files.isReadable(Path.of(file))) {
            throw new ConfigException(key + ": cannot read " + file);
        }
    }
}
