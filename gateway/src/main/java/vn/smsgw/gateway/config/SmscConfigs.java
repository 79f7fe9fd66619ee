package vn.smsgw.gateway.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.smsgw.gateway.smpp.BindMode;
import vn.smsgw.gateway.smpp.DefaultAlphabet;
import vn.smsgw.gateway.smpp.ShortCodeAddressing;
import vn.smsgw.gateway.smpp.SmscConfig;
import vn.smsgw.gateway.smpp.SubmitterConfig;

/** Reads the {@code smscs} list: one entry per SMSC connection, with its binds and its submit settings. */
public final class SmscConfigs {

    /** One SMSC: the SMPP connection and how MT is submitted on each of its binds. */
    public record Smsc(SmscConfig smpp, SubmitSection submit) {
    }

    /**
     * {@code smscs[i].submit}: in-flight {@code window} per bind (10), {@code tps} per bind (100),
     * {@code replyReservedShare} of the TPS kept for replies when campaigns run (0.2), the submit_sm
     * {@code serviceType} (empty) and the TON/NPI of short code source addresses, {@code shortCodeAddressing}
     * (UNKNOWN: TON 0, NPI 0).
     */
    public record SubmitSection(int window, int tps, double replyReservedShare, String serviceType,
                                ShortCodeAddressing shortCodeAddressing) {
        public SubmitSection {
            Objects.requireNonNull(serviceType, "serviceType");
            Objects.requireNonNull(shortCodeAddressing, "shortCodeAddressing");
        }

        /** With the default service type and short code addressing. */
        public SubmitSection(int window, int tps, double replyReservedShare) {
            this(window, tps, replyReservedShare, "", ShortCodeAddressing.UNKNOWN);
        }

        /** The submitter settings of a bind of this SMSC. */
        public SubmitterConfig submitterConfig() {
            try {
                return SubmitterConfig.defaults().withWindowAndTps(window, tps)
                        .withReplyReservedShare(replyReservedShare).withAddressing(serviceType, shortCodeAddressing);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("submit: " + e.getMessage());
            }
        }
    }

    private SmscConfigs() {
    }

    static Smsc read(ConfigNode n) {
        String name = n.string("name", "");
        if (name.isBlank()) {
            throw new ConfigException(n.key("name") + " is required (it identifies the SMSC in logs and metrics)");
        }
        SmscConfig d = SmscConfig.builder(name).build();
        SmscConfig smpp;
        try {
            smpp = SmscConfig.builder(name)
                    .address(n.string("host", d.host()), n.integer("port", d.port(), 1, 65_535))
                    .credentials(n.string("systemId", d.systemId()), n.string("password", d.password()))
                    .systemType(n.string("systemType", d.systemType()))
                    .addressRange(n.string("addressRange", d.addressRange()))
                    .bindMode(n.choice("bindMode", d.bindMode(), BindMode.class))
                    .binds(n.integer("binds", d.binds(), 1, 64))
                    .enquireLinkInterval(n.duration("enquireLinkInterval", d.enquireLinkInterval(), Duration.ZERO))
                    .transactionTimeout(n.duration("transactionTimeout", d.transactionTimeout(), Duration.ofMillis(100)))
                    .bindTimeout(n.duration("bindTimeout", d.bindTimeout(), Duration.ofMillis(100)))
                    .connectTimeout(n.duration("connectTimeout", d.connectTimeout(), Duration.ofMillis(100)))
                    .reconnect(n.duration("reconnectMin", d.reconnectMin(), Duration.ofMillis(10)),
                            n.duration("reconnectMax", d.reconnectMax(), Duration.ofMillis(10)))
                    .authFailureBackoff(n.duration("authFailureBackoff", d.authFailureBackoff(), Duration.ofSeconds(1)))
                    .commitTimeout(n.duration("commitTimeout", d.commitTimeout(), Duration.ofMillis(100)))
                    .pduProcessorDegree(n.integer("pduProcessorDegree", d.pduProcessorDegree(), 1, 1024))
                    .queueCapacity(n.integer("queueCapacity", d.queueCapacity(), 1, 1_000_000))
                    .defaultAlphabet(n.choice("defaultAlphabet", d.defaultAlphabet(), DefaultAlphabet.class))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(n.key("") + " " + e.getMessage());
        }
        SubmitSection submit = n.section("submit").as(s -> new SubmitSection(
                s.integer("window", 10, 1, 10_000),
                s.integer("tps", 100, 1, 1_000_000),
                s.decimal("replyReservedShare", 0.2, 0.0, 0.99),
                s.string("serviceType", ""),
                s.choice("shortCodeAddressing", ShortCodeAddressing.UNKNOWN, ShortCodeAddressing.class)));
        if (submit.serviceType().length() > 5) {
            throw new ConfigException(n.key("submit") + ".serviceType is at most 5 characters: '"
                    + submit.serviceType() + "'");
        }
        return new Smsc(smpp, submit);
    }

    static void checkUniqueNames(List<Smsc> smscs) {
        Set<String> names = new HashSet<>();
        for (Smsc s : smscs) {
            if (!names.add(s.smpp().name())) {
                throw new ConfigException("smscs: the name '" + s.smpp().name() + "' is used twice");
            }
        }
    }
}
