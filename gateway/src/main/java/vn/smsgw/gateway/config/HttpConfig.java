package vn.smsgw.gateway.config;

/** {@code http}: the admin server's {@code host} (default 127.0.0.1) and {@code port} (default 8156; 0 = any free). */
public record HttpConfig(String host, int port) {

    static HttpConfig read(ConfigNode n) {
        return new HttpConfig(n.string("host", "127.0.0.1"), n.integer("port", 8156, 0, 65_535));
    }
}
