package vn.smsgw.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.blocklist.Allowlist;
import vn.smsgw.dispatch.blocklist.Blocklist;
import vn.smsgw.dispatch.blocklist.BlocklistAdmin;
import vn.smsgw.dispatch.blocklist.BlocklistExport;
import vn.smsgw.dispatch.blocklist.BlocklistFeedRelay;
import vn.smsgw.dispatch.blocklist.BlocklistStores;
import vn.smsgw.dispatch.blocklist.PortabilityOverrides;
import vn.smsgw.dispatch.blocklist.RabbitBlocklistPublisher;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.intake.Intake;
import vn.smsgw.dispatch.intake.IntakeConfig;
import vn.smsgw.dispatch.intake.JdbcPartStore;
import vn.smsgw.dispatch.intake.JdbcReportStore;
import vn.smsgw.dispatch.intake.JdbcReporterCounters;
import vn.smsgw.dispatch.intake.PartStore;
import vn.smsgw.dispatch.intake.ReportStore;
import vn.smsgw.dispatch.intake.ReporterCounters;
import vn.smsgw.dispatch.intake.ReporterCountsLoader;
import vn.smsgw.dispatch.intake.StoredPart;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.outbound.JdbcOutbox;
import vn.smsgw.dispatch.police.JdbcPoliceOutbox;
import vn.smsgw.dispatch.police.JdbcPoliceQueue;
import vn.smsgw.dispatch.police.PoliceQueue;
import vn.smsgw.dispatch.police.PoliceRelay;
import vn.smsgw.dispatch.police.RabbitPoliceConfig;
import vn.smsgw.dispatch.police.RabbitPoliceQueue;
import vn.smsgw.dispatch.store.Database;

/**
 * Dispatch assembled over one database: intake with its JDBC adapters, the blocklist with its allowlist and
 * portability overrides, exports and operator actions, the police queue (embedded pull/ack, or relayed to RabbitMQ
 * with the blocklist event feed when a broker is configured). The composition root of the dispatch module; the
 * gateway process, the demo and the benchmarks open one. Close it to stop intake (committing what waits) and the
 * relays.
 */
public final class Dispatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatch.class);
    /**
     * How long a police relay round held by the broker gets to end once its broker connection is closed: a connection
     * still being opened ends within the 5 s connect and 5 s handshake timeouts, then the round records the failure.
     */
    private static final Duration RELAY_AFTER_ABORT = Duration.ofSeconds(11);

    private final Database database;
    private final Intake intake;
    private final ReportStore reports;
    private final PartStore parts;
    private final BlocklistAdmin admin;
    private final BlocklistExport export;
    private final PoliceQueue police;
    private final PoliceRelay relay;
    private final RabbitPoliceQueue rabbitPolice;
    private final BlocklistFeedRelay feed;

    private Dispatch(Builder b) {
        this.database = b.database;
        this.intake = b.intake;
        this.reports = b.reports;
        this.parts = b.parts;
        this.admin = b.admin;
        this.export = b.export;
        this.police = b.police;
        this.relay = b.relay;
        this.rabbitPolice = b.rabbitPolice;
        this.feed = b.feed;
    }

    /** Opens dispatch over {@code database}; seeds the default allowlist; starts the relays when RabbitMQ is set. */
    public static Dispatch open(Database database, DispatchSettings settings, Clock clock) {
        Builder b = new Builder();
        b.database = database;
        BlocklistStores stores = BlocklistStores.jdbc(database);
        Allowlist allowlist = new Allowlist(stores, clock, settings.referenceRefresh());
        PortabilityOverrides portability = new PortabilityOverrides(stores, clock, settings.referenceRefresh());
        b.admin = new BlocklistAdmin(stores, allowlist, portability, clock);
        b.admin.seedDefaults();
        b.export = new BlocklistExport(stores);
        Blocklist blocklist = new Blocklist(stores, allowlist, portability, settings.thresholds(), clock);
        b.reports = new JdbcReportStore(database);
        ReporterCounters counters = database.dialect() == Dialect.SQLITE
                ? ReporterCountsLoader.load(database, clock) : new JdbcReporterCounters();
        b.parts = new JdbcPartStore();
        b.intake = new Intake(new Intake.Ports(database, b.reports, b.parts, counters,
                blocklist, new JdbcPoliceOutbox(clock), new JdbcOutbox()), withWriters(settings.intake(), database),
                settings.routing(), clock);
        b.police = new JdbcPoliceQueue(database, clock, settings.policeVisibility());
        Optional<RabbitPoliceConfig> rabbit = settings.rabbit();
        if (rabbit.isPresent()) {
            RabbitPoliceConfig r = rabbit.get();
            b.rabbitPolice = new RabbitPoliceQueue(r);
            b.relay = new PoliceRelay(database, b.rabbitPolice, settings.relay(), clock);
            b.relay.start();
            // the police queue's broker settings: above all no automatic recovery, which would let a wait for
            // confirms on a recovered channel pass for events lost with the old connection
            b.feed = new BlocklistFeedRelay(database, BlocklistFeedRelay.RABBIT_CURSOR,
                    new RabbitBlocklistPublisher(r.connectionFactory(), r.confirmTimeout()));
            b.feed.start(Duration.ofSeconds(1));
            log.info("dispatch: police cases and blocklist events relayed to RabbitMQ at {}:{}", r.host(), r.port());
        }
        return new Dispatch(b);
    }

    public Database database() {
        return database;
    }

    public Intake intake() {
        return intake;
    }

    public ReportStore reports() {
        return reports;
    }

    /**
     * The parts kept with {@code caseId} that came after its message was stored incomplete (the reassembly timeout
     * had passed), in the order they came; empty for most messages.
     */
    public List<StoredPart> lateParts(CaseId caseId) {
        return database.read(tx -> parts.lateParts(tx, caseId));
    }

    public BlocklistAdmin admin() {
        return admin;
    }

    public BlocklistExport export() {
        return export;
    }

    /** The embedded police queue (pull/ack); with RabbitMQ configured the relay drains the same outbox. */
    public PoliceQueue police() {
        return police;
    }

    /** The police relay, when RabbitMQ is configured. */
    public Optional<PoliceRelay> relay() {
        return Optional.ofNullable(relay);
    }

    /** True when police cases go to RabbitMQ rather than the embedded queue. */
    public boolean relaysToRabbit() {
        return relay != null;
    }

    @Override
    public void close() {
        intake.close();
        if (relay != null && !relay.stop(PoliceRelay.STOP_WAIT) && rabbitPolice != null) {
            // a round the broker holds: ending the broker connection ends its wait, and the round, which then
            // records the failure, must be done before the store closes under it
            rabbitPolice.close();
            if (!relay.stop(RELAY_AFTER_ABORT)) {
                log.warn("dispatch: the police relay's round still runs after its broker connection was closed; "
                        + "the store closes under it");
            }
        }
        if (feed != null) {
            feed.close();
        }
        if (rabbitPolice != null) {
            rabbitPolice.close();
        }
    }

    private static final class Builder {
        Database database;
        Intake intake;
        ReportStore reports;
        PartStore parts;
        BlocklistAdmin admin;
        BlocklistExport export;
        PoliceQueue police;
        PoliceRelay relay;
        RabbitPoliceQueue rabbitPolice;
        BlocklistFeedRelay feed;
    }

    /**
     * Intake's writers for {@code database}: one on SQLite, whose single writer intake's group commits share with the
     * outbound queue (more would only queue for it); on PostgreSQL the configured number, two by default. There one
     * writer and its one server backend work in turn and leave the other core idle; two overlap (paging by id stays
     * exact: {@code IdHorizon}).
     */
    static IntakeConfig withWriters(IntakeConfig config, Database database) {
        if (database.dialect() == Dialect.SQLITE) {
            if (config.writers() > 1) {
                log.warn("dispatch: intake.writers = {} ignored: the embedded store has one writer", config.writers());
            }
            return config.withWriters(1);
        }
        // two unless configured, but no more than the queue has places: each writer's queue holds a share of them
        return config.writers() == 0 ? config.withWriters(Math.min(2, config.queueCapacity())) : config;
    }
}
