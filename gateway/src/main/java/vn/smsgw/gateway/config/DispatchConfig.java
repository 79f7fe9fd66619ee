package vn.smsgw.gateway.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import vn.smsgw.dispatch.DispatchSettings;
import vn.smsgw.dispatch.blocklist.Threshold;
import vn.smsgw.dispatch.blocklist.Thresholds;
import vn.smsgw.dispatch.intake.IntakeConfig;
import vn.smsgw.dispatch.outbound.ReplyTemplates;
import vn.smsgw.dispatch.police.PoliceRelaySettings;
import vn.smsgw.dispatch.police.RabbitPoliceConfig;
import vn.smsgw.dispatch.routing.FraudMarkers;
import vn.smsgw.dispatch.routing.RouteAction;
import vn.smsgw.dispatch.routing.RoutingRule;
import vn.smsgw.dispatch.routing.RoutingRules;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;

/**
 * The {@code intake}, {@code blocklist}, {@code routing}, {@code police} and {@code replies} sections: everything
 * dispatch needs, validated, plus the operator files to load at start ({@code blocklist.allowlistFile},
 * {@code blocklist.portabilityFile}; empty = none).
 */
public record DispatchConfig(IntakeConfig intake, Thresholds thresholds, List<String> fraudMarkers,
                             RoutingRules routing, Duration policeVisibility, String allowlistFile,
                             String portabilityFile) {

    static DispatchConfig read(ConfigNode root, Path dataDir) {
        ReplyTemplates replies = root.section("replies").as(DispatchConfig::replies);
        boolean embedded = !root.section("database").has("url")
                || root.section("database").string("url", "").isBlank();
        IntakeConfig intake = root.section("intake").as(n -> intake(n, replies, dataDir, embedded));
        String[] files = new String[2];
        Thresholds thresholds = root.section("blocklist").as(n -> {
            files[0] = readableFile(n, "allowlistFile");
            files[1] = readableFile(n, "portabilityFile");
            return thresholds(n.section("thresholds"));
        });
        Routing routing = root.section("routing").as(n -> {
            List<String> markers = n.strings("fraudMarkers", FraudMarkers.DEFAULT_PHRASES);
            if (markers.stream().anyMatch(String::isBlank)) {
                // an empty phrase matches nothing (it is dropped); most likely a list line left half-written
                throw new ConfigException(n.key("fraudMarkers") + " has an empty phrase");
            }
            return new Routing(markers, routing(n, new FraudMarkers(markers)));
        });
        Duration visibility = root.section("police").as(
                n -> n.duration("visibilityTimeout", Duration.ofSeconds(60), Duration.ofSeconds(1)));
        return new DispatchConfig(intake, thresholds, routing.markers(), routing.rules(), visibility, files[0],
                files[1]);
    }

    /** An operator file's path, empty for none; a file that cannot be read stops the start with its key named. */
    private static String readableFile(ConfigNode n, String name) {
        String file = n.string(name, "");
        if (file.isEmpty()) {
            return file;
        }
        Path path = ConfigNode.path(n.key(name), file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(n.key(name) + ": cannot read " + file);
        }
        return file;
    }

    /** The {@code routing} section: the fraud-marker phrases and the rules that use them. */
    private record Routing(List<String> markers, RoutingRules rules) {
    }

    /**
     * {@code routing.rules} (ordered, first match wins; without them the standard table of {@link RoutingRules}) and
     * {@code routing.defaultActions} (what a report that no rule matches leads to; none by default).
     */
    private static RoutingRules routing(ConfigNode n, FraudMarkers markers) {
        Set<RouteAction> fallback = n.choices("defaultActions", Set.of(), RouteAction.class);
        if (!n.has("rules")) {
            return new RoutingRules(RoutingRules.standardRules(), fallback, markers);
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (ConfigNode r : n.sections("rules")) {
            rules.add(r.as(rule -> {
                String name = rule.string("name", "");
                Set<Command> commands = rule.choices("commands", Set.of(), Command.class);
                Set<SourceType> sourceTypes = rule.choices("sourceTypes", Set.of(), SourceType.class);
                boolean marker = rule.bool("fraudMarker", false);
                Set<RouteAction> actions = rule.choices("actions", Set.of(), RouteAction.class);
                if (name.isBlank()) {
                    throw new ConfigException(rule.key("name") + " is required");
                }
                if (commands.isEmpty()) {
                    throw new ConfigException(rule.key("commands") + " must list at least one of [LD, V, S]");
                }
                return new RoutingRule(name, commands, sourceTypes, marker, actions);
            }));
        }
        if (rules.isEmpty()) {
            throw new ConfigException(n.key("rules") + " must not be empty (leave it out for the standard table)");
        }
        return new RoutingRules(rules, fallback, markers);
    }

    private static IntakeConfig intake(ConfigNode n, ReplyTemplates replies, Path dataDir, boolean embedded) {
        IntakeConfig d = IntakeConfig.defaults("0123456789abcdef");
        String key = n.string("reporterHashKey", "");
        if (key.isBlank()) {
            if (!embedded) {
                throw new ConfigException(n.key("reporterHashKey")
                        + " is required with PostgreSQL: every process must hash reporters with the same key");
            }
            key = storedKey(dataDir);
        } else if (key.length() < 16) {
            throw new ConfigException(n.key("reporterHashKey") + " must have at least 16 characters");
        }
        try {
            return new IntakeConfig(
                    n.integer("dailyQuota", d.dailyQuota(), 1, 100_000),
                    n.integer("repliesPerHour", d.repliesPerHour(), 1, 100_000),
                    n.duration("dedupeWindow", d.dedupeWindow(), Duration.ofMinutes(1)),
                    n.integer("maxBatch", d.maxBatch(), 1, 100_000),
                    n.integer("queueCapacity", d.queueCapacity(), 1, 10_000_000),
                    key, replies,
                    n.duration("reassemblyTimeout", d.reassemblyTimeout(), Duration.ZERO),
                    n.duration("sweepInterval", d.sweepInterval(), Duration.ofMillis(100)),
                    n.integer("writers", d.writers(), 0, IntakeConfig.MAX_WRITERS));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("intake: " + e.getMessage());
        }
    }

    /** The embedded store's reporter-hash key: generated once and kept next to the database. */
    private static String storedKey(Path dataDir) {
        Path file = dataDir.resolve("reporter-hash.key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            byte[] b = new byte[24];
            new SecureRandom().nextBytes(b);
            String key = HexFormat.of().formatHex(b);
            Files.writeString(file, key + "\n");
            return key;
        } catch (IOException e) {
            throw new ConfigException("intake.reporterHashKey: cannot read or create " + file + ": " + e.getMessage());
        }
    }

    private static Thresholds thresholds(ConfigNode n) {
        Thresholds t = Thresholds.defaults();
        for (Command c : Command.values()) {
            if (n.has(c.name())) {
                Threshold d = t.of(c);
                ConfigNode s = n.section(c.name());
                Threshold custom = s.as(x -> new Threshold(x.integer("reporters", d.reporters(), 1, 1_000_000),
                        x.duration("window", d.window(), Duration.ofMinutes(1))));
                t = t.with(c, custom);
            }
        }
        n.rejectUnknown();
        return t;
    }

    private static ReplyTemplates replies(ConfigNode n) {
        ReplyTemplates d = ReplyTemplates.defaults();
        try {
            return new ReplyTemplates(n.string("ack", d.ack()), n.string("help", d.help()),
                    n.string("invalidNumber", d.invalidNumber()), n.string("invalidSender", d.invalidSender()),
                    n.string("quota", d.quota()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("replies: " + e.getMessage());
        }
    }

    /** The dispatch settings for this configuration, relaying to {@code rabbit} when not null. */
    public DispatchSettings settings(RabbitConfig rabbit) {
        RabbitPoliceConfig r = rabbit == null ? null : new RabbitPoliceConfig(rabbit.host(), rabbit.port(),
                rabbit.username(), rabbit.password(), rabbit.virtualHost(), rabbit.policeQueue(),
                Duration.ofSeconds(5));
        return new DispatchSettings(intake, thresholds, routing, policeVisibility, Duration.ofSeconds(10),
                PoliceRelaySettings.defaults(), r);
    }
}
