package vn.smsgw.gateway.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.Dispatch;
import vn.smsgw.dispatch.blocklist.LoadReport;
import vn.smsgw.dispatch.campaign.CampaignRunner;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundQueue;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.outbound.QueueDepth;
import vn.smsgw.dispatch.outbound.SmscScope;
import vn.smsgw.dispatch.police.PoliceOutboxDepth;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.gateway.config.ConfigException;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.http.AdminRoutes;
import vn.smsgw.gateway.http.AdminServer;
import vn.smsgw.gateway.http.AdminSettings;
import vn.smsgw.gateway.http.CampaignMetrics;
import vn.smsgw.gateway.http.DispatchMetrics;
import vn.smsgw.gateway.http.PoliceMetrics;
import vn.smsgw.gateway.http.HealthCheck;
import vn.smsgw.gateway.http.HealthChecks;
import vn.smsgw.gateway.smpp.AtOnce;
import vn.smsgw.gateway.smpp.BindStatus;
import vn.smsgw.gateway.smpp.MoSinks;
import vn.smsgw.gateway.smpp.ReceiptHandler;
import vn.smsgw.gateway.smpp.SmppSessions;
import vn.smsgw.gateway.smpp.Submitter;
import vn.smsgw.gateway.smpp.SubmitterConfig;

/**
 * One running smsgw: the store, dispatch, the admin HTTP server, and per SMSC its binds (MO in) with one submitter
 * per bind that can transmit (MT out), receipts settling the outbound queue, and the campaign runner feeding running
 * campaigns into the outbound queue's campaign lane. {@link #start} brings them up in that
 * order; {@link #close} is the graceful shutdown: stop feeding campaigns, stop submitting (submit_sm in flight get
 * their responses and are settled, claims not sent go back to the queue), stop taking MO and unbind (in-flight
 * commits and their responses finish first; receipts keep settling until then), stop HTTP, then commit what intake
 * still holds and close the store. Submitters stop before the binds so that no submit_sm loses its response to the
 * unbind and is left UNKNOWN.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final Database database;
    private final Dispatch dispatch;
    private final PrometheusMeterRegistry registry;
    private final JdbcOutboundQueue outbound;
    private final ReceiptHandler receipts;
    private final List<SmppSessions> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Submitter> submitters = new ArrayList<>();
    private final Campaigns campaigns;
    private final CampaignRunner campaignRunner;
    private final CampaignMetrics campaignMetrics;
    private AdminServer admin;
    private DeadClaims deadClaims;
    private DataDirLock dataDirLock;

    private Gateway(Database database, Dispatch dispatch, PrometheusMeterRegistry registry, Clock clock,
            GatewayConfig config) {
        this.database = database;
        this.dispatch = dispatch;
        this.registry = registry;
        this.outbound = new JdbcOutboundQueue(database, clock, config.outbound().commitInterval());
        this.receipts = new ReceiptHandler(outbound, clock, registry);
        this.campaigns = new Campaigns(database, clock);
        this.campaignRunner = new CampaignRunner(campaigns, clock, CampaignRunner.RunnerSettings.defaults());
        this.campaignMetrics = new CampaignMetrics(campaigns, registry, 5);
    }

    /**
     * Deletes the embedded store in {@code dataDir} (its database and WAL files), for a run that starts afresh (the
     * demo); refused, deleting nothing, while a gateway holds the directory.
     *
     * @throws UncheckedIOException when a gateway holds it, or a file cannot be deleted
     */
    public static void resetEmbeddedStore(Path dataDir) {
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            for (String f : new String[] {"smsgw.db", "smsgw.db-wal", "smsgw.db-shm"}) {
                Files.deleteIfExists(dataDir.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the embedded store in " + dataDir + ": "
                    + e.getMessage(), e);
        } finally {
            lock.close();
        }
    }

    /** Starts everything {@code config} describes. */
    public static Gateway start(GatewayConfig config, Clock clock) {
        DataDirLock lock = config.store().embedded() ? DataDirLock.acquire(config.dataDir()) : null;
        Database db = null;
        Dispatch dispatch;
        try {
            db = Database.open(config.store().database());
            dispatch = Dispatch.open(db, config.dispatch().settings(config.rabbitOrNull()), clock);
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new DispatchMetrics(dispatch.intake()).bindTo(registry);
        Database store = db;
        new PoliceMetrics(() -> PoliceOutboxDepth.read(store), dispatch.relay(), System::nanoTime).bindTo(registry);
        Gateway g = new Gateway(db, dispatch, registry, clock, config);
        g.dataDirLock = lock;
        g.registerQueueDepths();
        try {
            g.loadOperatorFiles(config);
            if (config.store().embedded()) {
                // a dead owner's receipts come from the SMSC it sent through; one no longer configured: any bind
                g.deadClaims = DeadClaims.recover(g.outbound, smsc -> g.sessions.stream()
                                .filter(s -> g.sessions.stream().noneMatch(o -> o.smsc().equals(smsc))
                                        || s.smsc().equals(smsc))
                                .anyMatch(s -> s.boundCount() > 0),
                        config.outbound().inDoubtHold(), System::nanoTime);
            }
            checkHttpAddress(config.http()); // before the binds: they would take MO only to be dropped again
            g.startSmscs(config, clock);
            g.campaignRunner.start();
            List<HealthCheck> checks = new ArrayList<>();
            checks.add(HealthChecks.store(db));
            checks.add(HealthChecks.intake(dispatch.intake()));
            checks.add(HealthChecks.intakeQueue(dispatch.intake(), config.dispatch().intake().queueCapacity()));
            g.sessions.forEach(s -> checks.add(new BindHealth(s.smsc(), s::states)));
            g.admin = AdminServer.start(AdminSettings.defaults().withHost(config.http().host())
                    .withPort(config.http().port()).withToken(config.http().token()).withTokens(config.http().tokens())
                    .withTls(config.http().tls()),
                    AdminRoutes.standard(dispatch, registry, checks));
            warnOffLoopback(config.http());
            log.info("smsgw running: store {}, {} SMSC(s), admin {} on {}:{}", config.store().embedded()
                    ? "embedded SQLite in " + config.dataDir() : "PostgreSQL", g.sessions.size(),
                    config.http().tls().enabled() ? "HTTPS" : "HTTP", config.http().host(), g.admin.port());
            return g;
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /**
     * Fails, naming the keys, when the admin address cannot be listened on (not an address of this host, the port
     * taken): found now, before any SMSC is bound, rather than once the binds are up and taking MO. Port 0 (any free
     * port) is not checked.
     */
    private static void checkHttpAddress(HttpConfig http) {
        if (http.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(http.host()), http.port()));
        } catch (IOException e) {
            throw new ConfigException("http.host and http.port: cannot listen on " + http.host() + ":" + http.port()
                    + ": " + e.getMessage());
        }
    }

    /**
     * {@code smsgw_outbound_depth{lane,state}}: the outbound queue by lane, messages waiting (PENDING) and being sent
     * (CLAIMED), read at most once a second. What was sent, delivered or failed is counted by the MT counters.
     */
    private void registerQueueDepths() {
        java.util.concurrent.atomic.AtomicReference<QueueDepth> cached = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong readAt = new java.util.concurrent.atomic.AtomicLong();
        java.util.function.Supplier<QueueDepth> depth = () -> {
            long now = System.nanoTime();
            if (cached.get() == null || now - readAt.get() > 1_000_000_000L) {
                cached.set(outbound.depth());
                readAt.set(now);
            }
            return cached.get();
        };
        for (Lane lane : Lane.values()) {
            for (OutboundState state : QueueDepth.QUEUED) {
                Gauge.builder("smsgw.outbound.depth", () -> depth.get().count(lane, state))
                        .tag("lane", lane.name()).tag("state", state.name())
                        .description("Outbound messages waiting (PENDING) or being sent (CLAIMED), by lane")
                        .register(registry);
            }
        }
    }

    private void loadOperatorFiles(GatewayConfig config) {
        String allow = config.dispatch().allowlistFile();
        if (!allow.isBlank()) {
            LoadReport r = dispatch.admin().loadAllowlist(Path.of(allow), "config");
            log.info("allowlist {}: {} numbers loaded, {} rows rejected", allow, r.loaded(), r.problems().size());
            r.problems().forEach(p -> log.warn("allowlist {} line {}: {}", allow, p.line(), p.problem()));
        }
        String port = config.dispatch().portabilityFile();
        if (!port.isBlank()) {
            LoadReport r = dispatch.admin().loadPortability(Path.of(port), "config");
            log.info("portability {}: {} overrides loaded, {} rows rejected", port, r.loaded(), r.problems().size());
            r.problems().forEach(p -> log.warn("portability {} line {}: {}", port, p.line(), p.problem()));
        }
    }

    private void startSmscs(GatewayConfig config, Clock clock) {
        for (SmscConfigs.Smsc smsc : config.smscs()) {
            SmppSessions s = new SmppSessions(smsc.smpp(), new MoSinks(dispatch.intake(), receipts::take),
                    registry, clock);
            sessions.add(s);
            s.start();
            SubmitterConfig sc = smsc.submit().submitterConfig();
            SmscScope scope = new SmscScope(smsc.smpp().name(), config.outbound().otherSmscAfter());
            for (BindStatus b : s.states()) {
                if (!b.bind().startsWith("rx-")) {
                    Submitter sub = new Submitter(s.submitSession(b.bind()), outbound, scope, sc, clock,
                            System::nanoTime, registry);
                    submitters.add(sub);
                    sub.start();
                }
            }
        }
    }

    /** Warns of an admin API reachable off loopback without a token or without TLS. */
    private static void warnOffLoopback(HttpConfig http) {
        if (loopback(http.host())) {
            return;
        }
        if (http.token().isEmpty() && http.tokens().isEmpty()) {
            log.warn("admin HTTP API on {} without http.token: anyone who can reach it can read reports and "
                    + "police cases and change the blocklists", http.host());
        } else if (!http.tls().enabled()) {
            log.warn("admin HTTP API on {} without http.tls: the token and the police cases' reporter numbers cross "
                    + "the network in clear", http.host());
        }
    }

    /** Whether {@code host} names a loopback address (false when it cannot be resolved). */
    private static boolean loopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The admin server's port (useful when configured as 0). */
    public int httpPort() {
        return admin.port();
    }

    public Dispatch dispatch() {
        return dispatch;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    public OutboundQueue outbound() {
        return outbound;
    }

    public List<SmppSessions> sessions() {
        return List.copyOf(sessions);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Closes these together, each on a thread named by {@code threadName}: each may wait out timeouts of an SMSC that
     * does not answer, and one after another those waits would add up.
     */
    private static <T extends AutoCloseable> void closeAtOnce(List<T> all, Function<T, String> threadName) {
        Map<String, Runnable> steps = new LinkedHashMap<>();
        for (T c : all) {
            steps.put(threadName.apply(c), () -> {
                try {
                    c.close();
                } catch (Exception e) {
                    log.warn("{}: close failed: {}", threadName.apply(c), e.toString());
                }
            });
        }
        AtOnce.run(steps);
    }

    @Override
    public void close() {
        campaignRunner.close();
        campaignMetrics.close();
        // each submitter waits for its submit_sm in flight, up to a response timeout of an SMSC that stopped answering
        closeAtOnce(submitters, s -> "smsgw-close-submitter-" + s.owner());
        closeAtOnce(sessions, s -> "smsgw-close-" + s.smsc());
        receipts.close();
        if (deadClaims != null) {
            deadClaims.close();
        }
        if (admin != null) {
            admin.close();
        }
        dispatch.close();
        database.close();
        if (dataDirLock != null) {
            dataDirLock.close();
        }
        log.info("smsgw stopped");
    }
}
