package vn.smsgw.gateway.smpp;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of the connection to one SMSC; {@link #builder(String)} starts from the defaults listed on each method
 * of {@link Builder}. Immutable; the constructor validates every value and names the offending one.
 *
 * @param name                 the SMSC's name: stored with each MO as its smsc id and used as the metrics tag; keep
 *                             it stable, redeliveries are recognised by it
 * @param host                 SMSC host name or address
 * @param port                 SMSC TCP port
 * @param systemId             bind system_id, 1-15 characters
 * @param password             bind password, at most 8 characters (never logged)
 * @param systemType           bind system_type, at most 12 characters
 * @param addressRange         bind address_range, at most 40 characters, e.g. {@code ^(156|5656)$}; empty for none
 * @param bindMode             one transceiver per bind, or a receiver plus a transmitter
 * @param binds                logical binds to open (each is one session, or two for {@link BindMode#RX_TX})
 * @param enquireLinkInterval  read-idle time after which an enquire_link is sent; zero disables it
 * @param transactionTimeout   wait for the response to any request this side sends (bind excepted)
 * @param bindTimeout          wait for the bind response
 * @param connectTimeout       wait for the TCP connection
 * @param reconnectMin         first reconnect delay after a loss or a failed bind
 * @param reconnectMax         cap of the doubling reconnect delay
 * @param authFailureBackoff   reconnect delay after the SMSC refused the credentials
 * @param commitTimeout        how long an MO waits for intake to commit (a receipt for its recording) before it is
 *                             answered with a temporary error; keep it below the SMSC's deliver_sm response timeout
 * @param pduProcessorDegree   threads per session running the deliver_sm listener
 * @param queueCapacity        received PDUs waiting for such a thread per session; when full, jsmpp answers
 *                             ESME_RTHROTTLED; keep it at least the SMSC's window plus the own submit window
 * @param defaultAlphabet      what data_coding 0 means on this SMSC
 */
public record SmscConfig(
        String name,
        String host,
        int port,
        String systemId,
        String password,
        String systemType,
        String addressRange,
        BindMode bindMode,
        int binds,
        Duration enquireLinkInterval,
        Duration transactionTimeout,
        Duration bindTimeout,
        Duration connectTimeout,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration authFailureBackoff,
        Duration commitTimeout,
        int pduProcessorDegree,
        int queueCapacity,
        DefaultAlphabet defaultAlphabet) {

    /** Validates every value; the message names the setting. */
    public SmscConfig {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("smsc name must not be blank");
        }
        String key = "smsc[" + name + "].";
        if (Objects.requireNonNull(host, key + "host").isBlank()) {
            throw new IllegalArgumentException(key + "host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(key + "port must be 1..65535: " + port);
        }
        requireLength(key + "systemId", systemId, 1, 15);
        requireLength(key + "password", password, 0, 8);
        requireLength(key + "systemType", systemType, 0, 12);
        requireLength(key + "addressRange", addressRange, 0, 40);
        Objects.requireNonNull(bindMode, key + "bindMode");
        Objects.requireNonNull(defaultAlphabet, key + "defaultAlphabet");
        requireAtLeast(key + "binds", binds, 1);
        requireAtLeast(key + "pduProcessorDegree", pduProcessorDegree, 1);
        requireAtLeast(key + "queueCapacity", queueCapacity, 1);
        requireNotNegative(key + "enquireLinkInterval", enquireLinkInterval);
        requireMillis(key + "transactionTimeout", transactionTimeout);
        requireMillis(key + "bindTimeout", bindTimeout);
        requireMillis(key + "connectTimeout", connectTimeout);
        requireMillis(key + "reconnectMin", reconnectMin);
        requireMillis(key + "reconnectMax", reconnectMax);
        requireMillis(key + "authFailureBackoff", authFailureBackoff);
        requireMillis(key + "commitTimeout", commitTimeout);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException(key + "reconnectMax must not be below reconnectMin: " + reconnectMax);
        }
        if (enquireLinkInterval.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + "enquireLinkInterval is too long: " + enquireLinkInterval);
        }
    }

    /** A builder for the SMSC called {@code name}, holding the defaults. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "SmscConfig[name=" + name + ", host=" + host + ", port=" + port + ", systemId=" + systemId
                + ", systemType=" + systemType + ", addressRange=" + addressRange + ", bindMode=" + bindMode
                + ", binds=" + binds + ", pduProcessorDegree=" + pduProcessorDegree + ", queueCapacity="
                + queueCapacity + "]";
    }

    private static void requireLength(String key, String value, int min, int max) {
        Objects.requireNonNull(value, key);
        if (value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(key + " must have " + min + " to " + max + " characters");
        }
    }

    private static void requireAtLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ": " + value);
        }
    }

    private static void requireNotNegative(String key, Duration value) {
        if (Objects.requireNonNull(value, key).isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative: " + value);
        }
    }

    private static void requireMillis(String key, Duration value) {
        requireNotNegative(key, value);
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException(key + " must be at least 1 ms: " + value);
        }
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String host = "127.0.0.1";
        private int port = 2775;
        private String systemId = "smsgw";
        private String password = "";
        private String systemType = "";
        private String addressRange = "";
        private BindMode bindMode = BindMode.TRX;
        private int binds = 1;
        private Duration enquireLinkInterval = Duration.ofSeconds(30);
        private Duration transactionTimeout = Duration.ofSeconds(10);
        private Duration bindTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration reconnectMin = Duration.ofSeconds(1);
        private Duration reconnectMax = Duration.ofSeconds(60);
        private Duration authFailureBackoff = Duration.ofSeconds(60);
        private Duration commitTimeout = Duration.ofSeconds(4);
        private int pduProcessorDegree = 2;
        private int queueCapacity = 1_000;
        private DefaultAlphabet defaultAlphabet = DefaultAlphabet.GSM7;

        private Builder(String name) {
            this.name = name;
        }

        private Builder(SmscConfig c) {
            name = c.name;
            host = c.host;
            port = c.port;
            systemId = c.systemId;
            password = c.password;
            systemType = c.systemType;
            addressRange = c.addressRange;
            bindMode = c.bindMode;
            binds = c.binds;
            enquireLinkInterval = c.enquireLinkInterval;
            transactionTimeout = c.transactionTimeout;
            bindTimeout = c.bindTimeout;
            connectTimeout = c.connectTimeout;
            reconnectMin = c.reconnectMin;
            reconnectMax = c.reconnectMax;
            authFailureBackoff = c.authFailureBackoff;
            commitTimeout = c.commitTimeout;
            pduProcessorDegree = c.pduProcessorDegree;
            queueCapacity = c.queueCapacity;
            defaultAlphabet = c.defaultAlphabet;
        }

        /** Host default {@code 127.0.0.1}, port default 2775. */
        public Builder address(String smscHost, int smscPort) {
            host = smscHost;
            port = smscPort;
            return this;
        }

        /** system_id default {@code smsgw}, password default empty. */
        public Builder credentials(String bindSystemId, String bindPassword) {
            systemId = bindSystemId;
            password = bindPassword;
            return this;
        }

        /** Default empty. */
        public Builder systemType(String value) {
            systemType = value;
            return this;
        }

        /** Default empty (no address_range). */
        public Builder addressRange(String value) {
            addressRange = value;
            return this;
        }

        /** Default {@link BindMode#TRX}. */
        public Builder bindMode(BindMode value) {
            bindMode = value;
            return this;
        }

        /** Default 1. */
        public Builder binds(int value) {
            binds = value;
            return this;
        }

        /** Default 30 s. */
        public Builder enquireLinkInterval(Duration value) {
            enquireLinkInterval = value;
            return this;
        }

        /** Default 10 s (jsmpp's own default of 2 s times out under load). */
        public Builder transactionTimeout(Duration value) {
            transactionTimeout = value;
            return this;
        }

        /** Default 10 s. */
        public Builder bindTimeout(Duration value) {
            bindTimeout = value;
            return this;
        }

        /** Default 5 s. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        /** Defaults 1 s and 60 s. */
        public Builder reconnect(Duration min, Duration max) {
            reconnectMin = min;
            reconnectMax = max;
            return this;
        }

        /** Default 60 s. */
        public Builder authFailureBackoff(Duration value) {
            authFailureBackoff = value;
            return this;
        }

        /** Default 4 s. */
        public Builder commitTimeout(Duration value) {
            commitTimeout = value;
            return this;
        }

        /** Default 2. */
        public Builder pduProcessorDegree(int value) {
            pduProcessorDegree = value;
            return this;
        }

        /** Default 1000. */
        public Builder queueCapacity(int value) {
            queueCapacity = value;
            return this;
        }

        /** Default {@link DefaultAlphabet#GSM7}. */
        public Builder defaultAlphabet(DefaultAlphabet value) {
            defaultAlphabet = value;
            return this;
        }

        /** The validated settings. */
        public SmscConfig build() {
            return new SmscConfig(name, host, port, systemId, password, systemType, addressRange, bindMode, binds,
                    enquireLinkInterval, transactionTimeout, bindTimeout, connectTimeout, reconnectMin, reconnectMax,
                    authFailureBackoff, commitTimeout, pduProcessorDegree, queueCapacity, defaultAlphabet);
        }
    }
}
