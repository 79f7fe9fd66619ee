package vn.smsgw.gateway.config;

/**
 * {@code http}: the admin server's {@code host} (default 127.0.0.1), {@code port} (default 8156; 0 = any free) and
 * {@code token} (default empty: no authentication; else at least 16 characters, required as a bearer token by every
 * request but {@code /health} and {@code /metrics}).
 */
public record HttpConfig(String host, int port, String token) {

    /** Checks the token's length. */
    public HttpConfig {
        java.util.Objects.requireNonNull(token, "token");
        if (!token.isEmpty() && token.length() < 16) {
            throw new IllegalArgumentException("token must be at least 16 characters");
        }
    }

    /** No authentication. */
    public HttpConfig(String host, int port) {
        this(host, port, "");
    }

    /** This configuration on another port, the token kept. */
    public HttpConfig withPort(int newPort) {
        return new HttpConfig(host, newPort, token);
    }

    /** Without the token, which is a secret. */
    @Override
    public String toString() {
        return "HttpConfig[host=" + host + ", port=" + port + ", token=" + (token.isEmpty() ? "none" : "***") + "]";
    }

    static HttpConfig read(ConfigNode n) {
        String token = n.string("token", "");
        if (!token.isEmpty() && token.length() < 16) {
            throw new ConfigException("http.token must be at least 16 characters, or empty for none");
        }
        return new HttpConfig(n.string("host", "127.0.0.1"), n.integer("port", 8156, 0, 65_535), token);
    }
}
