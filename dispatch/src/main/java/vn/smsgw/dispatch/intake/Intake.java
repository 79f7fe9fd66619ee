package vn.smsgw.dispatch.intake;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.blocklist.Blocklists;
import vn.smsgw.dispatch.outbound.Outbox;
import vn.smsgw.dispatch.police.PoliceOutbox;
import vn.smsgw.dispatch.routing.RoutingRules;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Transactions;
import vn.smsgw.parser.number.Msisdn;
import vn.smsgw.parser.number.NumberPlan;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.Rejection;
import vn.smsgw.parser.report.ReportParser;

/**
 * Durable intake of MO messages. {@link #accept} returns only once the message is committed — the parsed report or
 * the rejected message with its error, its raw text kept verbatim, a case id, its blocklist votes, police case and
 * reply all in one transaction — or reports that it was not stored ({@link IntakeResult.Unavailable}), never both.
 *
 * <p>Parsing, routing and hashing run on the caller's thread; the store work runs on a writer thread that commits
 * waiting messages in groups (group commit: one transaction and one sync for many callers); on PostgreSQL several
 * writers may commit groups side by side ({@link IntakeConfig#writers}). Each message goes to the writer of its
 * blocklist entry, or of its reporter when it has none ({@link #shardKey}), so that one process's writers rarely lock
 * the same rows; where they do (a reporter reporting two numbers at once, or another process), each takes its row
 * locks in one fixed order (parts by message, reporter counters, votes, entries by key) so that two groups never wait
 * for each other in a circle. Where the store syncs from a thread of its own (SQLite with full sync), the writer hands a committed group's
 * answers over to be given once the commit is durable, and writes the next group meanwhile. A redelivery of a message
 * stored within the dedupe window returns {@link IntakeResult.Duplicate} with the original case id, and creates no
 * second report and no second reply. If a group fails, its messages are retried one by one, so one bad message cannot
 * keep the others out. Thread-safe.
 *
 * <p>The parts of a concatenated message are stored one by one ({@link #submitPart}); the message is decoded from
 * its parts' joined octets and stored when its last part arrives, or as incomplete at the reassembly timeout. A part
 * that arrives after that, and that the message never had, is kept as evidence of its case
 * ({@link IntakeResult.LatePart}): no second report, no second reply.
 */
public final class Intake implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    /** The ports intake writes through, all inside one transaction of {@code transactions}. */
    public record Ports(Transactions transactions, ReportStore reports, PartStore parts, ReporterCounters counters,
                        Blocklists blocklists, PoliceOutbox police, Outbox outbox) {
        public Ports {
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(reports, "reports");
            Objects.requireNonNull(parts, "parts");
            Objects.requireNonNull(counters, "counters");
            Objects.requireNonNull(blocklists, "blocklists");
            Objects.requireNonNull(police, "police");
            Objects.requireNonNull(outbox, "outbox");
        }
    }

    private final Ports ports;
    private final IntakeConfig config;
    private final RoutingRules routing;
    private final ReportParser parser = new ReportParser();
    private final Clock clock;
    private final IntakeBatch batchWork;
    private final ThreadLocal<Keys> keys;
    private final GroupCommit groupCommit;
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder unavailable = new LongAdder();
    /** When commits began to fail, every one since (epoch ms), or 0 while the last one succeeded. */
    private final AtomicLong failingSince = new AtomicLong();
    private volatile String lastFailure;
    private final LongAdder batches = new LongAdder();
    private final LongAdder parts = new LongAdder();
    private final LongAdder lateParts = new LongAdder();
    /** One counter per reason, all made at construction: the map is only read after it. */
    private final Map<Rejection, LongAdder> rejected = rejectionCounters();

    public Intake(Ports ports, IntakeConfig config, RoutingRules routing, Clock clock) {
        this.ports = ports;
        this.config = config;
        this.routing = routing;
        this.clock = clock;
        this.keys = ThreadLocal.withInitial(() -> new Keys(config.reporterHashKey()));
        this.batchWork = new IntakeBatch(ports, config, clock, this::prepare,
                withoutCaller -> withoutCaller.forEach(this::countStored));
        this.groupCommit = new GroupCommit(config.queueCapacity(), config.maxBatch(), this::commit, this::housekeeping,
                config.sweepInterval(), Math.max(1, config.writers()), Intake::shardKey);
    }

    /**
     * Which writer commits the message, when there are several: a report with a source goes by its blocklist entry,
     * so that the groups of two writers do not lock one hot entry in turn (each waiting for the other's commit);
     * anything else, parts included, goes by its reporter, whose parts and counters it locks.
     */
    static int shardKey(Pending p) {
        if (p.part != null) {
            return p.part.reporter().hashCode();
        }
        if (p.parse instanceof ParseResult.Parsed parsed) {
            return Blocklists.entryKey(parsed.report().source()).value().hashCode();
        }
        return p.sms.reporter().hashCode();
    }

    /** Commits the message and returns its outcome; blocks until then. */
    public IntakeResult accept(InboundSms sms) {
        try {
            return submit(sms).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IntakeResult.Unavailable("interrupted", false);
        } catch (ExecutionException e) {
            return new IntakeResult.Unavailable("internal error: " + e.getCause(), false);
        }
    }

    /** Queues the message for the next group commit; the future completes once it is committed (or not stored). */
    public CompletableFuture<IntakeResult> submit(InboundSms sms) {
        Pending p = prepare(sms);
        if (!groupCommit.offer(p)) {
            unavailable.increment();
            return CompletableFuture.completedFuture(new IntakeResult.Unavailable("intake queue full", true));
        }
        return p.future;
    }

    /**
     * Stores one part of a concatenated message; the future completes with {@link IntakeResult.PartStored} (or, for a
     * part of a message already stored without it, {@link IntakeResult.LatePart}) once the part is committed (then
     * it may be acknowledged), or {@link IntakeResult.Unavailable}.
     */
    public CompletableFuture<IntakeResult> submitPart(InboundPart part) {
        Pending p = Pending.part(part, keys.get().textHash(part.content().text()));
        if (!groupCommit.offer(p)) {
            unavailable.increment();
            return CompletableFuture.completedFuture(new IntakeResult.Unavailable("intake queue full", true));
        }
        return p.future;
    }

    /** {@link #submitPart} and wait. */
    public IntakeResult acceptPart(InboundPart part) {
        try {
            return submitPart(part).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IntakeResult.Unavailable("interrupted", false);
        } catch (ExecutionException e) {
            return new IntakeResult.Unavailable("internal error: " + e.getCause(), false);
        }
    }

    /**
     * Reassembles the concatenated messages whose first part is older than the reassembly timeout, complete or not
     * (then stored as {@link InboundSms.Form#INCOMPLETE}); returns how many. Runs periodically, on the writer thread
     * when there is one, else on a housekeeping thread; public for tests and shutdown.
     */
    public int sweepParts() {
        long cutoff = clock.millis() - config.reassemblyTimeout().toMillis();
        try {
            return ports.transactions().inTransaction(tx -> batchWork.sweep(tx, cutoff));
        } catch (StorageException e) {
            log.warn("intake: reassembly sweep failed: {}", e.getMessage());
            return 0;
        }
    }

    private void housekeeping() {
        int n = sweepParts();
        if (n > 0) {
            log.info("intake: {} concatenated messages reassembled at the timeout", n);
        }
        expireKeys();
    }

    private Pending prepare(InboundSms sms) {
        Keys k = keys.get();
        Optional<Msisdn> reporter = NumberPlan.subscriber(sms.reporter());
        ParseResult parse = sms.form() == InboundSms.Form.BINARY
                ? ParseResult.Rejected.of(vn.smsgw.parser.report.Rejection.UNKNOWN_COMMAND)
                : parser.parse(sms.text());
        var route = parse instanceof ParseResult.Parsed pr ? routing.route(pr.report()) : null;
        String reporterHash = k.reporterHash(reporter.map(Msisdn::e164).orElse(sms.reporter()));
        return new Pending(sms, k.dedupeKey(sms), reporter, reporterHash, parse, route);
    }

    private void commit(List<Pending> batch) {
        batches.increment();
        try {
            List<Pending> group = List.copyOf(batch); // the writer reuses its list before the group is durable
            ports.transactions().inSharedTransaction(tx -> batchWork.run(tx, group),
                    results -> complete(group, results), lost -> lose(group, lost));
        } catch (StorageException e) {
            if (batch.size() == 1) {
                Pending p = batch.get(0);
                log.warn("intake: message not stored (reporter {}): {}",
                        Msisdn.mask(p.part != null ? p.part.reporter() : p.sms.reporter()), e.getMessage());
                unavailable.increment();
                failing(e);
                batch.get(0).future.complete(new IntakeResult.Unavailable("storage failure", false));
                return;
            }
            log.warn("intake: group of {} failed ({}); retrying one by one", batch.size(), e.getMessage());
            for (Pending p : batch) {
                commit(List.of(p));
            }
        }
    }

    /** The group was committed but the store could not make it durable: none of it may be acknowledged. */
    private void lose(List<Pending> batch, StorageException e) {
        log.error("intake: a committed group of {} could not be made durable; answered as unavailable: {}",
                batch.size(), e.getMessage());
        unavailable.add(batch.size());
        failing(e);
        for (Pending p : batch) {
            p.future.complete(new IntakeResult.Unavailable("storage failure", false));
        }
    }

    /** Notes a commit that failed: since when they fail (the first of a run) and the last error. */
    private void failing(StorageException e) {
        failingSince.compareAndSet(0, clock.millis());
        lastFailure = e.getMessage();
    }

    private void complete(List<Pending> batch, List<IntakeResult> results) {
        if (failingSince.get() != 0) { // a read on every group commit, a write only after failures
            failingSince.set(0);
        }
        for (int i = 0; i < batch.size(); i++) {
            IntakeResult r = results.get(i);
            if (r instanceof IntakeResult.Duplicate) {
                duplicates.increment();
            } else if (r instanceof IntakeResult.Stored s) {
                countStored(s);
            } else if (r instanceof IntakeResult.PartStored) {
                parts.increment();
            } else if (r instanceof IntakeResult.LatePart late) {
                lateParts.increment();
                log.info("intake: a part of case {} arrived after it was stored incomplete; kept with the case",
                        late.caseId());
            }
            batch.get(i).future.complete(r);
        }
    }

    private void expireKeys() {
        try {
            int n = ports.reports().expireDedupeKeys(clock.millis() - config.dedupeWindow().toMillis());
            if (n > 0) {
                log.info("intake: {} dedupe keys past the window forgotten", n);
            }
        } catch (StorageException e) {
            log.warn("intake: dedupe key expiry failed: {}", e.getMessage());
        }
    }

    private static Map<Rejection, LongAdder> rejectionCounters() {
        Map<Rejection, LongAdder> counters = new EnumMap<>(Rejection.class);
        for (Rejection reason : Rejection.values()) {
            counters.put(reason, new LongAdder());
        }
        return counters;
    }

    private void countStored(IntakeResult.Stored s) {
        stored.increment();
        if (s.parse() instanceof ParseResult.Rejected r) {
            rejected.get(r.reason()).increment();
        }
    }

    /** Messages stored since start. */
    public long storedCount() {
        return stored.sum();
    }

    /** Messages stored since start that the parser rejected for {@code reason}. */
    public long rejectedCount(Rejection reason) {
        return rejected.get(reason).sum();
    }

    /** Redeliveries recognised since start. */
    public long duplicateCount() {
        return duplicates.sum();
    }

    /** Messages answered as not stored since start. */
    public long unavailableCount() {
        return unavailable.sum();
    }

    /**
     * Since when (epoch milliseconds of intake's clock) every commit has failed, with the last failure's message;
     * empty while the last commit succeeded (or none has failed). Intake's queue stays short while the store refuses
     * every commit (each message leaves it at once, answered as not stored), and a trivial read of the store may
     * still succeed (a full disk, a read-only replica): this is what says intake stores nothing.
     */
    public Optional<Failing> failing() {
        long since = failingSince.get();
        return since == 0 ? Optional.empty() : Optional.of(new Failing(since, String.valueOf(lastFailure)));
    }

    /** Intake failing to commit since {@code sinceMillis}, the last time with {@code error}. */
    public record Failing(long sinceMillis, String error) {
    }

    /** Concatenated parts stored since start. */
    public long partCount() {
        return parts.sum();
    }

    /** Late parts (of messages already stored incomplete) kept as evidence since start. */
    public long latePartCount() {
        return lateParts.sum();
    }

    /** Group commits since start. */
    public long batchCount() {
        return batches.sum();
    }

    /** Messages waiting for a commit now. */
    public int queueDepth() {
        return groupCommit.depth();
    }

    /**
     * Writers whose queue holds its share of the capacity now: messages for them are answered as not stored (queue
     * full) while the other writers may still take theirs (a hot reported number's writer falling behind, or a writer
     * stuck on its store).
     */
    public int fullQueues() {
        return groupCommit.fullQueues();
    }

    /** Stops taking messages, commits those waiting, and stops the writer. */
    @Override
    public void close() {
        groupCommit.close();
    }
}
