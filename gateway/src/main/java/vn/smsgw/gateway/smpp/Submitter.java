package vn.smsgw.gateway.smpp;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundQueue;
import vn.smsgw.dispatch.outbound.QueuedSms;
import vn.smsgw.dispatch.outbound.Settlement;
import vn.smsgw.dispatch.outbound.SmscScope;
import vn.smsgw.dispatch.outbound.SubmitOutcome;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.WriterPriority;

/**
 * Drains the outbound queue onto one SMSC bind: replies first, campaigns with what the reply share leaves, at most
 * {@link SubmitterConfig#window()} submit_sm in flight and {@link SubmitterConfig#tps()} a second. Start it once,
 * close it once. Thread-safe.
 */
public final class Submitter implements AutoCloseable {

    /*
     * One dispatcher thread claims messages (a batch of replies, or a batch of campaign messages, replies being
     * claimed again at least every 20 ms so that one never waits behind many) and puts them on a ready queue of
     * `window` places; the bind's SubmitPipeline takes from it while fewer than `window` messages are in progress,
     * so at most `window` submit_sm are in flight, and submits each message's parts in order without a thread
     * waiting for the responses. Outcomes go to SettlementWriter, which records them in batches. While the bind is
     * down nothing is claimed and claimed messages not yet handed out go back to the queue without counting an
     * attempt. Messages are handed out and written in id order; a throttled part is tried again before any new
     * message. Campaign messages are claimed up to 8 windows at a time: each claim is a commit (an fsync on
     * SQLite) during which the pipeline drains what is ready, and with 2 windows per claim the senders (then a thread
     * per place in the window) sat idle for most of it (unthrottled campaign on SQLite, 2 binds of window 50: 4,600
     * submit_sm/s with 2 windows, 6,800 with 8). So the
     * next claim of a lane runs ahead on a claimer thread (campaigns once fewer than 2 windows of claimed messages are
     * left, replies once fewer than one window), and the dispatcher waits for it only when it has nothing else to
     * hand out. At a TPS cap a claim takes only the messages already due, so it stays small. A lane is claimed only
     * when a read (no commit) finds a message due in it: replies are looked for every 20 ms while campaign messages
     * are waiting, at once while the last reply claim came back full, and a claim that finds nothing would still
     * cost a commit.
     */

    private static final Logger log = LoggerFactory.getLogger(Submitter.class);
    private static final long REPLY_CHECK_NANOS = 20_000_000L;
    private static final java.util.regex.Pattern OWNER = java.util.regex.Pattern.compile(".*@([0-9]{1,18})-[0-9a-f]+");

    private final SubmitSession session;
    private final OutboundQueue queue;
    private final SmscScope scope;
    private final SubmitterConfig config;
    private final Clock clock;
    private final LongSupplier ticker;
    private final String owner;
    /**
     * How many messages of each lane it holds at most, and claims at once: no more than the bind sends in a quarter
     * of the lease ({@link SubmitterConfig#heldClaims}).
     */
    private final int replyRefillBelow;
    private final int replyClaimMax;
    private final int campaignRefillBelow;
    private final int campaignClaimMax;
    private final MtMeters meters;
    private final SubmitPipeline pipeline;
    private final SettlementWriter settlements;
    private final ArrayBlockingQueue<QueuedSms> ready;
    private final Thread dispatcher;
    private final ArrayDeque<QueuedSms> replies = new ArrayDeque<>();
    private final ArrayDeque<QueuedSms> campaigns = new ArrayDeque<>();
    private final ExecutorService claimer;
    private Future<List<QueuedSms>> nextCampaignClaim;
    private Future<List<QueuedSms>> nextReplyClaim;
    private boolean replyBacklog;
    private volatile boolean running;
    private long nextReplyCheck;

    /**
     * A submitter for {@code session} draining {@code queue}; {@code nanoTicker} paces (like {@link System#nanoTime()}),
     * {@code clock} dates queue updates.
     */
    public Submitter(SubmitSession session, OutboundQueue queue, SubmitterConfig config, Clock clock,
            LongSupplier nanoTicker, MeterRegistry registry) {
        this(session, queue, SmscScope.ANY, config, clock, nanoTicker, registry);
    }

    /** A submitter that claims only the messages within {@code scope} (replies to its SMSC's reports). */
    public Submitter(SubmitSession session, OutboundQueue queue, SmscScope scope, SubmitterConfig config, Clock clock,
            LongSupplier nanoTicker, MeterRegistry registry) {
        this.session = Objects.requireNonNull(session, "session");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(nanoTicker, "nanoTicker");
        this.owner = session.name() + "@" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        int held = config.heldClaims();
        this.replyRefillBelow = Math.min(config.window(), held);
        this.replyClaimMax = Math.min(config.claimBatch(), held);
        this.campaignRefillBelow = Math.min(6 * config.window(), held);
        this.campaignClaimMax = Math.min(Math.max(8 * config.window(), config.claimBatch()), held);
        this.meters = new MtMeters(registry, session.name());
        this.settlements = new SettlementWriter(queue, session.name());
        this.ready = new ArrayBlockingQueue<>(config.window());
        this.dispatcher = new Thread(this::dispatch, "smsgw-mt-dispatch-" + session.name());
        this.pipeline = new SubmitPipeline(session, config, new BindPace(config, nanoTicker), meters, clock,
                nanoTicker, () -> running, dispatcher::isAlive, ready,
                ended -> settlements.add(Settlement.of(ended.message(), owner, ended.outcome())),
                settlements::addLate, this::renew, ThreadLocalRandom.current().nextInt(256));
        this.dispatcher.setDaemon(true);
        WriterPriority.raise(dispatcher);
        this.claimer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "smsgw-mt-claim-" + session.name());
            t.setDaemon(true);
            WriterPriority.raise(t);
            return t;
        });
    }

    /** Starts draining. */
    public synchronized void start() {
        if (running || dispatcher.isAlive()) {
            throw new IllegalStateException("submitter " + session.name() + " already started");
        }
        running = true;
        settlements.start();
        dispatcher.start();
        pipeline.start();
        log.info("{}: submitter started (window {}, {} TPS, {} reserved for replies)", session.name(),
                config.window(), config.tps(), config.replyReservedShare());
    }

    /** The process id in an owner name this class made ({@code smsc/bind@pid-random}), if it is one. */
    public static java.util.OptionalLong ownerPid(String owner) {
        java.util.regex.Matcher m = OWNER.matcher(owner);
        return m.matches() ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }

    /** The owner name this submitter claims messages under. */
    public String owner() {
        return owner;
    }

    /** Messages being submitted right now. */
    public int inFlight() {
        return meters.inFlight.get();
    }

    /**
     * Stops claiming, lets submits in flight end (up to the lease), returns unsent claims to the queue and records
     * every outcome.
     */
    @Override
    public void close() {
        running = false;
        try {
            dispatcher.join(config.lease().toMillis());
            claimer.shutdown();
            if (!pipeline.join(config.lease().toMillis())) {
                log.warn("{}: submits still running at close; their claims expire with the lease", session.name());
            }
            settlements.close(config.lease().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("{}: submitter stopped", session.name());
    }

    private void dispatch() {
        while (running) {
            try {
                if (session.bound().isEmpty()) {
                    release("not bound");
                    LockSupport.parkNanos(config.idlePoll().toNanos());
                    continue;
                }
                QueuedSms next = next();
                if (next == null) {
                    LockSupport.parkNanos(config.idlePoll().toNanos());
                    continue;
                }
                while (!ready.offer(next, config.idlePoll().toNanos(), TimeUnit.NANOSECONDS)) {
                    if (!running) {
                        giveBack(next, "stopping");
                        break;
                    }
                }
                pipeline.wake();
            } catch (StorageException e) {
                log.warn("{}: cannot claim from the outbound queue: {}", session.name(), e.getMessage());
                LockSupport.parkNanos(config.idlePoll().toNanos() * 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        release("stopping");
    }

    /** The next message: replies first, then campaign messages while no reply is due. */
    private QueuedSms next() throws InterruptedException {
        boolean lookForReplies = replyBacklog || campaigns.isEmpty() || ticker.getAsLong() - nextReplyCheck >= 0;
        if (nextReplyClaim == null && replies.size() < replyRefillBelow && lookForReplies) {
            int max = replyClaimMax;
            nextReplyClaim = claimer.submit(() -> queue.anyDue(Lane.REPLY, scope)
                    ? queue.claim(Lane.REPLY, scope, max, owner, config.lease())
                    : List.<QueuedSms>of());
            nextReplyCheck = ticker.getAsLong() + REPLY_CHECK_NANOS;
        }
        if (nextReplyClaim != null && (nextReplyClaim.isDone() || replies.isEmpty() && campaigns.isEmpty())) {
            Future<List<QueuedSms>> claim = nextReplyClaim;
            nextReplyClaim = null; // before take: a failed claim is given up, and the next round claims anew
            List<QueuedSms> claimed = take(claim);
            replies.addAll(claimed);
            replyBacklog = claimed.size() == replyClaimMax;
        }
        if (!replies.isEmpty()) {
            return replies.poll();
        }
        if (nextCampaignClaim == null && campaigns.size() < campaignRefillBelow) {
            int max = campaignClaimMax;
            nextCampaignClaim = claimer.submit(() -> queue.anyDue(Lane.CAMPAIGN, scope)
                    ? queue.claim(Lane.CAMPAIGN, scope, max, owner, config.lease())
                    : List.<QueuedSms>of());
        }
        if (nextCampaignClaim != null && (campaigns.isEmpty() || nextCampaignClaim.isDone())) {
            Future<List<QueuedSms>> claim = nextCampaignClaim;
            nextCampaignClaim = null; // as for replies
            List<QueuedSms> claimed = take(claim);
            campaigns.addAll(claimed);
        }
        return campaigns.poll();
    }

    /**
     * Waits for a claim running ahead; its failure is the dispatcher's. The caller has cleared the field that held
     * it, so that a failed claim is not waited for again.
     */
    private static List<QueuedSms> take(Future<List<QueuedSms>> claim) throws InterruptedException {
        try {
            return claim.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new StorageException("claim failed: " + e.getCause(), e.getCause());
        }
    }

    /** Returns the claimed messages not handed out yet to the queue, without counting an attempt. */
    private void release(String why) {
        if (nextReplyClaim != null) {
            Future<List<QueuedSms>> claim = nextReplyClaim;
            nextReplyClaim = null;
            replies.addAll(takeQuietly(claim));
        }
        if (nextCampaignClaim != null) {
            Future<List<QueuedSms>> claim = nextCampaignClaim;
            nextCampaignClaim = null;
            campaigns.addAll(takeQuietly(claim));
        }
        for (ArrayDeque<QueuedSms> claimed : List.of(replies, campaigns)) {
            for (QueuedSms m = claimed.poll(); m != null; m = claimed.poll()) {
                giveBack(m, why);
            }
        }
    }

    private List<QueuedSms> takeQuietly(Future<List<QueuedSms>> claim) {
        try {
            return take(claim);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("{}: claim failed while releasing: {}", session.name(), e.getMessage());
        }
        return List.of();
    }

    /** Renews the claim of message {@code id}. */
    private SubmitPipeline.Renewed renew(long id) {
        try {
            return queue.renew(List.of(id), owner, config.lease()).contains(id) ? SubmitPipeline.Renewed.RENEWED
                    : SubmitPipeline.Renewed.TAKEN_OVER;
        } catch (StorageException e) {
            log.warn("{}: cannot renew the claim of outbound {}: {}", session.name(), id, e.getMessage());
            return SubmitPipeline.Renewed.FAILED;
        }
    }

    private void giveBack(QueuedSms m, String why) {
        settlements.add(Settlement.of(m, owner, new SubmitOutcome.RetryLater(clock.instant(), why, false)));
    }
}
