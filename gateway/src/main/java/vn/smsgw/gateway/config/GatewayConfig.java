package vn.smsgw.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.smsgw.dispatch.store.SqliteSync;

/**
 * The whole configuration of one smsgw process, validated at load: where data lives, the store, the admin HTTP
 * server, RabbitMQ (optional), intake, blocklist and routing rules, reply templates, the recovery of the outbound
 * queue and the SMSC connections. Loaded once from YAML ({@link #load}); every key, its default and meaning are in the
 * README's configuration reference. Immutable.
 */
public record GatewayConfig(Path dataDir, StoreConfig store, HttpConfig http, RabbitConfig rabbitOrNull,
                            DispatchConfig dispatch, OutboundConfig outbound, List<SmscConfigs.Smsc> smscs) {

    public GatewayConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(outbound, "outbound");
        smscs = List.copyOf(smscs);
    }

    /** Reads and validates a YAML file; {@code env} supplies {@code ${VAR}} values. */
    public static GatewayConfig load(Path file, Map<String, String> env) {
        return fromTree(readTree(file), env, null);
    }

    /**
     * Reads and validates a YAML file with {@code dataDir} in place of the file's {@code dataDir} (a command's
     * {@code --data-dir}): everything kept under the data directory, the embedded store and the generated reporter-hash
     * key alike, is then taken from {@code dataDir}, the file's other keys kept.
     */
    public static GatewayConfig load(Path file, Map<String, String> env, Path dataDir) {
        return fromTree(readTree(file), env, Objects.requireNonNull(dataDir, "dataDir"));
    }

    private static JsonNode readTree(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("cannot read configuration " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot read configuration " + file + ": permission denied");
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage());
        }
        try {
            // a key written twice is refused: YAML's last one would win silently, and a second http section without
            // the token of the first would start the admin API without authentication
            return new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
                    .readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException("configuration " + file + (at == null ? "" : " line " + at.getLineNr()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage());
        }
    }

    /** The defaults: everything embedded under ./data, no SMSC. */
    public static GatewayConfig defaults(Map<String, String> env) {
        return fromTree(null, env, null);
    }

    /** The defaults with the embedded store under {@code dataDir}. */
    public static GatewayConfig embedded(Path dataDir, Map<String, String> env) {
        return embedded(dataDir, SqliteSync.FULL, env);
    }

    /** The defaults with the embedded store under {@code dataDir}, synced as {@code sync}. */
    public static GatewayConfig embedded(Path dataDir, SqliteSync sync, Map<String, String> env) {
        var root = new ObjectMapper().createObjectNode().put("dataDir", dataDir.toString());
        root.putObject("database").put("sqliteSync", sync.name());
        return fromTree(root, env, null);
    }

    /** The configuration of {@code root}; {@code dataDirOverride}, when not null, replaces its {@code dataDir}. */
    static GatewayConfig fromTree(JsonNode root, Map<String, String> env, Path dataDirOverride) {
        ConfigNode n = new ConfigNode(root, "", env);
        String configured = n.string("dataDir", "./data");
        Path dataDir = dataDirOverride != null ? dataDirOverride : ConfigNode.path(n.key("dataDir"), configured);
        StoreConfig store = n.section("database").as(s -> StoreConfig.read(s, dataDir));
        HttpConfig http = n.section("http").as(HttpConfig::read);
        RabbitConfig rabbit = n.written("rabbitmq") ? n.section("rabbitmq").as(RabbitConfig::read) : null;
        DispatchConfig dispatch = DispatchConfig.read(n, dataDir);
        OutboundConfig outbound = n.section("outbound").as(OutboundConfig::read);
        List<SmscConfigs.Smsc> smscs = n.sections("smscs").stream().map(s -> s.as(SmscConfigs::read)).toList();
        SmscConfigs.checkUniqueNames(smscs);
        n.rejectUnknown();
        return new GatewayConfig(dataDir, store, http, rabbit, dispatch, outbound, smscs);
    }

    public GatewayConfig withHttp(HttpConfig h) {
        return new GatewayConfig(dataDir, store, h, rabbitOrNull, dispatch, outbound, smscs);
    }

    public GatewayConfig withSmscs(List<SmscConfigs.Smsc> list) {
        return new GatewayConfig(dataDir, store, http, rabbitOrNull, dispatch, outbound, list);
    }

    public GatewayConfig withOutbound(OutboundConfig o) {
        return new GatewayConfig(dataDir, store, http, rabbitOrNull, dispatch, o, smscs);
    }
}
