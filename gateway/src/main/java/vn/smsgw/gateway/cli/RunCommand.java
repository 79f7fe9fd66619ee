package vn.smsgw.gateway.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.smsgw.gateway.config.ConfigException;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.process.Gateway;
import vn.smsgw.gateway.smpp.SmscConfig;

/**
 * {@code smsgw run}: the gateway process, from a configuration file, from flags, or both (flags override the file).
 * Runs until SIGTERM/Ctrl-C, then shuts down gracefully.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the gateway: bind to the SMSC(s), take reports, answer reporters, serve HTTP.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see the README).")
    Path config;

    @Option(names = "--smsc", paramLabel = "HOST:PORT",
            description = "Bind to this SMSC: the file's one SMSC at another address, or, with no file, an SMSC "
                    + "named 'smsc' (refused when the file lists several SMSCs).")
    String smsc;

    @Option(names = "--system-id", description = "SMPP system_id for --smsc (default: smsgw).")
    String systemId;

    @Option(names = "--password", description = "SMPP password for --smsc; or the environment variable "
            + "SMSGW_SMSC_PASSWORD.")
    String password;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded store directory (default ./data).")
    Path dataDir;

    @Option(names = "--http-port", description = "Admin HTTP port on 127.0.0.1 (default 8156; 0 = any free port).")
    Integer httpPort;

    @Override
    public Integer call() throws Exception {
        GatewayConfig c;
        try {
            c = resolve();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("smsgw run: configuration error: " + e.getMessage());
            return 2;
        }
        Gateway gateway = Gateway.start(c, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "smsgw-shutdown"));
        stopped.await();
        return 0;
    }

    GatewayConfig resolve() {
        return resolve(System.getenv());
    }

    /**
     * The configuration from the file (if any), the flags over it, and, with no file, the admin token from the
     * environment variable {@code SMSGW_HTTP_TOKEN} (a file names it itself: {@code token: ${SMSGW_HTTP_TOKEN}}).
     */
    GatewayConfig resolve(Map<String, String> env) {
        GatewayConfig c;
        if (config == null) {
            c = GatewayConfig.embedded(dataDir != null ? dataDir : Path.of("./data"), env);
        } else {
            c = dataDir != null ? GatewayConfig.load(config, env, dataDir) : GatewayConfig.load(config, env);
        }
        String token = env.getOrDefault("SMSGW_HTTP_TOKEN", "");
        if (config == null && !token.isEmpty()) {
            HttpConfig.checkToken("SMSGW_HTTP_TOKEN", token);
            c = c.withHttp(c.http().withToken(token));
        }
        if (httpPort != null) {
            if (httpPort < 0 || httpPort > 65_535) {
                throw new ConfigException("--http-port must be between 0 and 65535");
            }
            c = c.withHttp(c.http().withPort(httpPort));
        }
        if (smsc != null || systemId != null || password != null) {
            if (c.smscs().size() > 1) {
                // which SMSC a flag would change is not for smsgw to guess, nor are the others to be dropped
                throw new ConfigException("--smsc, --system-id and --password set the one SMSC of a quick start; "
                        + "the configuration lists " + c.smscs().size() + " SMSCs: set them in its smscs entries");
            }
            c = c.withSmscs(List.of(smscFromFlags(c, env)));
        }
        if (c.smscs().isEmpty()) {
            throw new ConfigException("no SMSC: give --smsc HOST:PORT or an smscs list in --config");
        }
        return c;
    }

    private SmscConfigs.Smsc smscFromFlags(GatewayConfig c, Map<String, String> env) {
        SmscConfigs.Smsc base = c.smscs().isEmpty()
                ? new SmscConfigs.Smsc(SmscConfig.builder("smsc").build(), new SmscConfigs.SubmitSection(10, 100, 0.2))
                : c.smscs().get(0);
        SmscConfig.Builder b = base.smpp().toBuilder();
        if (smsc != null) {
            int colon = smsc.lastIndexOf(':');
            if (colon <= 0) {
                throw new ConfigException("--smsc must be HOST:PORT, not '" + smsc + "'");
            }
            int port;
            try {
                port = Integer.parseInt(smsc.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ConfigException("--smsc port must be a number, not '" + smsc.substring(colon + 1) + "'");
            }
            b.address(smsc.substring(0, colon), port);
        }
        // an empty variable is one not set, as everywhere in the configuration
        String pw = password != null ? password : Optional.ofNullable(env.get("SMSGW_SMSC_PASSWORD"))
                .filter(v -> !v.isEmpty()).orElse(base.smpp().password());
        b.credentials(systemId != null ? systemId : base.smpp().systemId(), pw);
        try {
            return new SmscConfigs.Smsc(b.build(), base.submit());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
