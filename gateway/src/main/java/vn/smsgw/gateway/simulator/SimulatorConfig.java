package vn.smsgw.gateway.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of an {@link SmscSimulator}; {@link #builder()} starts from the defaults listed on each method of
 * {@link Builder}.
 *
 * @param host               address the server socket binds to
 * @param port               TCP port, 0 for an ephemeral one
 * @param systemId           system_id a bind must carry, empty to accept any
 * @param password           password a bind must carry, empty to accept any
 * @param window             MO deliver_sm in flight at once per injection
 * @param moRate             MO deliver_sm per second per injection, 0 for as fast as the window allows
 * @param concatenation      how the parts of a long MO are tied together
 * @param responseTimeout    wait for a deliver_sm_resp before the deliver_sm counts as unanswered
 * @param retryDelay         wait before redelivering an unacknowledged deliver_sm
 * @param maxAttempts        deliveries of one deliver_sm before it is given up
 * @param dlrDelay           wait between a submit_sm_resp and its delivery receipt
 * @param dlrWindow          delivery receipts in flight at once
 * @param receiptIdFormat    how the id is written in the receipt text
 * @param receiptTlvs        whether receipts carry receipted_message_id and message_state
 * @param pduProcessorDegree jsmpp PDU processor threads per session
 * @param queueCapacity      jsmpp receive queue per session; keep it above the ESME's submit window plus both
 *                           deliver_sm windows, or responses wait
 * @param receivedLogCapacity submit_sm kept for {@link SmscSimulator#received()}, the oldest dropped first
 * @param faults             injected faults
 */
public record SimulatorConfig(
        String host,
        int port,
        String systemId,
        String password,
        int window,
        int moRate,
        Concatenation concatenation,
        Duration responseTimeout,
        Duration retryDelay,
        int maxAttempts,
        Duration dlrDelay,
        int dlrWindow,
        ReceiptIdFormat receiptIdFormat,
        boolean receiptTlvs,
        int pduProcessorDegree,
        int queueCapacity,
        int receivedLogCapacity,
        Faults faults) {

    /** Validates every value; the message names the offending setting. */
    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(concatenation, "concatenation");
        Objects.requireNonNull(receiptIdFormat, "receiptIdFormat");
        Objects.requireNonNull(faults, "faults");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (systemId.length() > 15 || password.length() > 8) {
            throw new IllegalArgumentException("systemId is at most 15 and password at most 8 characters");
        }
        requireAtLeast("window", window, 1);
        requireAtLeast("moRate", moRate, 0);
        requireAtLeast("maxAttempts", maxAttempts, 1);
        requireAtLeast("dlrWindow", dlrWindow, 1);
        requireAtLeast("pduProcessorDegree", pduProcessorDegree, 1);
        requireAtLeast("queueCapacity", queueCapacity, 1);
        requireAtLeast("receivedLogCapacity", receivedLogCapacity, 0);
        requirePositive("responseTimeout", responseTimeout);
        requireNotNegative("retryDelay", retryDelay);
        requireNotNegative("dlrDelay", dlrDelay);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String systemId = "";
        private String password = "";
        private int window = 50;
        private int moRate;
        private Concatenation concatenation = Concatenation.UDH;
        private Duration responseTimeout = Duration.ofSeconds(5);
        private Duration retryDelay = Duration.ofMillis(200);
        private int maxAttempts = 50;
        private Duration dlrDelay = Duration.ZERO;
        private int dlrWindow = 50;
        private ReceiptIdFormat receiptIdFormat = ReceiptIdFormat.HEX;
        private boolean receiptTlvs = true;
        private int pduProcessorDegree = 8;
        private int queueCapacity = 2_000;
        private int receivedLogCapacity = 100_000;
        private Faults faults = Faults.none();

        private Builder() {
        }

        private Builder(SimulatorConfig c) {
            host = c.host;
            port = c.port;
            systemId = c.systemId;
            password = c.password;
            window = c.window;
            moRate = c.moRate;
            concatenation = c.concatenation;
            responseTimeout = c.responseTimeout;
            retryDelay = c.retryDelay;
            maxAttempts = c.maxAttempts;
            dlrDelay = c.dlrDelay;
            dlrWindow = c.dlrWindow;
            receiptIdFormat = c.receiptIdFormat;
            receiptTlvs = c.receiptTlvs;
            pduProcessorDegree = c.pduProcessorDegree;
            queueCapacity = c.queueCapacity;
            receivedLogCapacity = c.receivedLogCapacity;
            faults = c.faults;
        }

        /** Default {@code 127.0.0.1}. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** Default 0 (ephemeral). */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** Default empty: any system_id and password bind. */
        public Builder credentials(String requiredSystemId, String requiredPassword) {
            systemId = requiredSystemId;
            password = requiredPassword;
            return this;
        }

        /** Default 50. */
        public Builder window(int value) {
            window = value;
            return this;
        }

        /** Default 0 (unthrottled). */
        public Builder moRate(int perSecond) {
            moRate = perSecond;
            return this;
        }

        /** Default {@link Concatenation#UDH}. */
        public Builder concatenation(Concatenation value) {
            concatenation = value;
            return this;
        }

        /** Default 5 s. */
        public Builder responseTimeout(Duration value) {
            responseTimeout = value;
            return this;
        }

        /** Default 200 ms. */
        public Builder retryDelay(Duration value) {
            retryDelay = value;
            return this;
        }

        /** Default 50. */
        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        /** Default 0. */
        public Builder dlrDelay(Duration value) {
            dlrDelay = value;
            return this;
        }

        /** Default 50. */
        public Builder dlrWindow(int value) {
            dlrWindow = value;
            return this;
        }

        /** Default {@link ReceiptIdFormat#HEX}. */
        public Builder receiptIdFormat(ReceiptIdFormat value) {
            receiptIdFormat = value;
            return this;
        }

        /** Default true. */
        public Builder receiptTlvs(boolean value) {
            receiptTlvs = value;
            return this;
        }

        /** Default 8. */
        public Builder pduProcessorDegree(int value) {
            pduProcessorDegree = value;
            return this;
        }

        /** Default 2000. */
        public Builder queueCapacity(int value) {
            queueCapacity = value;
            return this;
        }

        /** Default 100,000. */
        public Builder receivedLogCapacity(int value) {
            receivedLogCapacity = value;
            return this;
        }

        /** Default {@link Faults#none()}. */
        public Builder faults(Faults value) {
            faults = value;
            return this;
        }

        /** The validated settings. */
        public SimulatorConfig build() {
            return new SimulatorConfig(host, port, systemId, password, window, moRate, concatenation,
                    responseTimeout, retryDelay, maxAttempts, dlrDelay, dlrWindow, receiptIdFormat, receiptTlvs,
                    pduProcessorDegree, queueCapacity, receivedLogCapacity, faults);
        }
    }
}
