package vn.smsgw.gateway.config;

/**
 * {@code rabbitmq} (optional; absent = embedded police queue, no blocklist events): {@code host}, {@code port} (5672),
 * {@code username}/{@code password} (guest/guest), {@code virtualHost} (/), {@code policeQueue} (smsgw.police).
 */
public record RabbitConfig(String host, int port, String username, String password, String virtualHost,
                           String policeQueue) {

    static RabbitConfig read(ConfigNode n) {
        String host = n.string("host", "127.0.0.1");
        if (host.isBlank()) {
            throw new ConfigException(n.key("host") + " must not be empty");
        }
        return new RabbitConfig(host, n.integer("port", 5672, 1, 65_535), n.string("username", "guest"),
                n.string("password", "guest"), n.string("virtualHost", "/"), n.string("policeQueue", "smsgw.police"));
    }

    @Override
    public String toString() {
        return "RabbitConfig[" + username + "@" + host + ":" + port + virtualHost + ", queue=" + policeQueue + "]";
    }
}
