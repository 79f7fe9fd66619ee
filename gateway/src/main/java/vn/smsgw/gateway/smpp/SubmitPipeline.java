package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jsmpp.GenericNackResponseException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.SubmitSmResp;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.outbound.LatePart;
import vn.smsgw.dispatch.outbound.PartId;
import vn.smsgw.dispatch.outbound.QueuedSms;
import vn.smsgw.dispatch.outbound.SubmitOutcome;
import vn.smsgw.dispatch.store.WriterPriority;
import vn.smsgw.parser.number.Msisdn;

/*
 * One thread writes every submit_sm of the bind and none waits for its response (PipelinedSmppSession): up to `window`
 * messages are in progress, each with at most one part in flight, as the parts of a message go in order. A response is
 * handled on jsmpp's PDU thread: the message's next part, or a throttled part to be tried again, joins the
 * continuations, which the thread takes before any new message and in the order their messages were handed out (the
 * lane's order), so that several parts throttled while the bind waits out its pause go again in that order, not in the
 * order their answers came (pushed to the front one by one, they went out in reverse); and the thread waits out a
 * throttle's pause before it picks the next part, so that the answers arriving meanwhile are all in the running; a
 * message that is over goes to the settlement writer and frees its place. Before, each place in the window was a thread
 * parked in jsmpp's synchronous submit, and every submit_sm_resp woke one (the senders took 12 % of the MO benchmark's
 * CPU samples, half of it parking and waking).
 *
 * The rules are those of a message sent alone. ESME_RTHROTTLED and ESME_RMSGQFUL slow the whole bind down, once for all
 * the answers to the submit_sm sent before that (BindPace), and the same part is tried again: the message keeps its
 * place and is never sent twice; but a message none of whose parts went out is given back to the queue once half its
 * claim's lease has passed (a bind throttled for long, or messages waiting their turn behind it), rather than sent when
 * its lease may have run out and another owner may be sending it too; one whose parts began to go out has its claim
 * renewed then (synchronously: rare), and stops, incomplete, if another owner took it over. Any other command_status
 * fails the message with that status. No response within the session's transaction timer (ResponseDeadlines, expired by
 * this thread) leaves it UNKNOWN: the SMSC may have it, so it is not resent. A bind that is down, or lost while
 * writing, before the first part returns the message to the queue without counting an attempt; after a part was
 * accepted, the remaining parts wait for the bind, as the handset needs them under the same reference, and the claims
 * of all the messages so waiting are kept up meanwhile. Stopping ends a message not begun as "stop" (back to the
 * queue) and one begun as incomplete.
 *
 * The 8-bit concatenation reference (UDH 05 00 03 ref total seq) starts at a random value in each pipeline and moves on
 * only for a message of several parts. Starting at 0 in every bind of every process, the binds counted in step, so two
 * long messages from one sender to one subscriber sent through two binds could share (ref, total) and the handset would
 * mix their parts; counting single-part messages too only used the 256 references up faster.
 */
/** Submits the messages handed to it on one bind, parts in order, from one thread. Start once; thread-safe. */
final class SubmitPipeline {

    private static final Logger log = LoggerFactory.getLogger(SubmitPipeline.class);
    /** The longest the thread sleeps with nothing to do before it expires overdue responses again. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long after a renewal the store could not take the next one is tried. */
    private static final long RENEWAL_RETRY_MILLIS = 1_000;
    /**
     * A message with a validity (a campaign's) is not begun when less than this is left of it: the SMSC would refuse
     * a validity_period already over (ESME_RINVEXPIRY, a permanent error: the recipient would be FAILED, or a long
     * message cut off between parts) or have no time to deliver it.
     */
    static final long VALIDITY_MARGIN_MILLIS = 10_000;

    private final SubmitSession session;
    private final SubmitterConfig config;
    private final BindPace pace;
    private final MtMeters meters;
    private final Clock clock;
    private final BooleanSupplier running;
    private final BooleanSupplier moreToCome;
    private final BlockingQueue<QueuedSms> ready;
    private final Consumer<Outcome> outcomes;
    private final Consumer<LatePart> lateParts;
    private final Renewal renewLease;
    private final ResponseDeadlines deadlines;
    /** Messages with a part to send next, earliest handed out first. */
    private final ConcurrentSkipListSet<Submission> continuations =
            new ConcurrentSkipListSet<>(Comparator.comparingLong((Submission s) -> s.order));
    /** The concatenation reference of the next message of several parts; the pipeline thread's own. */
    private int nextReference;
    private final Thread thread;
    /** How many messages this pipeline began; the pipeline thread's own. */
    private long begun;
    private volatile boolean idle;

    /** Renews the claim of a message by id for another lease. */
    @FunctionalInterface
    interface Renewal {
        Renewed renew(long id);
    }

    /** What a renewal found. */
    enum Renewed {
        /** The claim is this submitter's for another lease. */
        RENEWED,
        /** Another owner took the message over, or it was settled. */
        TAKEN_OVER,
        /** The store could not be asked: the claim may still be this submitter's; tried again later. */
        FAILED
    }

    /** How one message ended. */
    record Outcome(QueuedSms message, SubmitOutcome outcome) {
    }

    /**
     * A pipeline taking messages from {@code ready} while {@code running} and, after, until {@code moreToCome} is
     * false and nothing is in progress; each message's outcome goes to {@code outcomes}, on whichever thread ended it.
     * {@code renewLease} renews the claim of a message by id for another lease. The first message of several parts
     * takes {@code firstReference} (modulo 256) as its concatenation reference, each next one the next reference.
     */
    SubmitPipeline(SubmitSession session, SubmitterConfig config, BindPace pace, MtMeters meters, Clock clock,
            LongSupplier nanoTicker, BooleanSupplier running, BooleanSupplier moreToCome,
            BlockingQueue<QueuedSms> ready, Consumer<Outcome> outcomes, Consumer<LatePart> lateParts,
            Renewal renewLease, int firstReference) {
        this.session = session;
        this.nextReference = firstReference & 0xFF;
        this.config = config;
        this.pace = pace;
        this.meters = meters;
        this.clock = clock;
        this.running = running;
        this.moreToCome = moreToCome;
        this.ready = ready;
        this.outcomes = outcomes;
        this.lateParts = lateParts;
        this.renewLease = renewLease;
        this.deadlines = new ResponseDeadlines(nanoTicker);
        this.thread = new Thread(this::run, "smsgw-mt-" + session.name());
        this.thread.setDaemon(true);
        WriterPriority.raise(thread);
    }

    void start() {
        thread.start();
    }

    /** Waits up to {@code millis} for the thread to end; whether it did. */
    boolean join(long millis) throws InterruptedException {
        thread.join(Math.max(1, millis));
        return !thread.isAlive();
    }

    /** Something may be ready: wakes the thread if it sleeps. */
    void wake() {
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (true) {
            deadlines.expire();
            pace.awaitPause(running);
            Submission next = continuations.pollFirst();
            if (next == null && meters.inFlight.get() < config.window()) {
                QueuedSms m = ready.poll();
                if (m != null) {
                    next = begin(m);
                    if (next == null) {
                        continue;
                    }
                }
            }
            if (next != null) {
                step(next);
            } else if (!running.getAsBoolean() && !moreToCome.getAsBoolean() && meters.inFlight.get() == 0
                    && ready.isEmpty()) {
                return;
            } else {
                sleep();
            }
        }
    }

    /** Sleeps until woken or a tick passes, unless work came in while it was deciding to. */
    private void sleep() {
        idle = true;
        if (continuations.isEmpty() && (ready.isEmpty() || meters.inFlight.get() >= config.window())) {
            LockSupport.parkNanos(this, TICK_NANOS);
        }
        idle = false;
    }

    /** Encodes the message and takes a place for it; null when it is over already. */
    private Submission begin(QueuedSms m) {
        meters.inFlight.incrementAndGet(); // the messages in progress, which the window bounds
        if (m.validUntil() != 0 && clock.millis() > m.validUntil() - VALIDITY_MARGIN_MILLIS) {
            // given back unsent, due only once its validity is over, when no claim takes it (campaign.sends_until)
            // and the campaign runner expires its recipient
            end(m, new SubmitOutcome.RetryLater(Instant.ofEpochMilli(m.validUntil()), "validity ending", false));
            return null;
        }
        MtMode mode = m.ucs2() ? MtMode.UCS2 : MtMode.AUTO;
        MtEncoded encoded;
        try {
            encoded = MtEncoder.encode(new MtMessage(m.body(), SmppAddress.source(m.sender(), config.shortCodes()),
                    SmppAddress.international(m.destination()), mode, m.validUntil()), nextReference);
        } catch (IllegalArgumentException e) {
            end(m, failed(m, "refused", "refused: " + e.getMessage(), List.of()));
            return null;
        }
        if (encoded instanceof MtEncoded.Refused refused) {
            end(m, failed(m, "refused", "refused: " + refused.reason(), List.of()));
            return null;
        }
        List<MtPart> parts = ((MtEncoded.Parts) encoded).parts();
        if (parts.size() > 1) {
            nextReference = (nextReference + 1) & 0xFF; // a message of one part carries none
        }
        return new Submission(m, parts, begun++);
    }

    /** Sends the message's next part, or ends the message when it cannot be sent. */
    private void step(Submission s) {
        try {
            send(s);
        } catch (RuntimeException e) {
            log.error("{}: outbound {} not submitted", session.name(), s.message.id(), e);
            end(s.message, new SubmitOutcome.RetryLater(clock.instant().plusSeconds(1), "internal error: " + e,
                    true));
        }
    }

    private void send(Submission s) {
        MtPart part = s.parts.get(s.next);
        if (!keepClaim(s)) { // a message held past half its lease goes back without taking a token from the pace
            return;
        }
        if (!pace.await(s.message.lane(), running)) {
            end(s.message, stopped(s, part, "stop"));
            return;
        }
        if (!keepClaim(s)) {
            return;
        }
        Optional<PipelinedSmppSession> bound = session.bound();
        if (bound.isEmpty()) {
            waitForBind(s, part, "not bound");
            return;
        }
        PipelinedRequests.Request request;
        s.sentAfter = pace.slowDowns();
        try {
            request = bound.get().submit(part, config.serviceType());
        } catch (IOException e) {
            log.info("{}: submit_sm of outbound {} not sent: {}", session.name(), s.message.id(), e.getMessage());
            waitForBind(s, part, "link: " + e.getMessage());
            return;
        } catch (PDUException e) {
            end(s.message, failed(s.message, "invalid", "invalid: " + e.getMessage(), s.accepted));
            return;
        }
        deadlines.track(request, TimeUnit.MILLISECONDS.toNanos(bound.get().getTransactionTimer()));
        request.response().whenComplete((response, failure) -> answered(s, part, request, response, failure));
    }

    /**
     * Whether the message may still be sent under its claim; false once it has ended. From its lease's end another
     * owner may claim and send the message, so once half the lease has passed (the other half covers a response) a
     * message none of whose parts went out is given back unsent, and one some of whose parts went out (the rest must
     * follow them under its reference) has its claim renewed; it ends as incomplete if another owner took it over
     * meanwhile: that owner sends it whole, and the rest of this copy is not sent. One clock read per part.
     */
    private boolean keepClaim(Submission s) {
        long now = clock.millis();
        if (now < s.leaseUntil - config.lease().toMillis() / 2) {
            return true;
        }
        if (s.accepted.isEmpty()) {
            log.info("{}: outbound {} given back unsent: half its claim's lease has passed", session.name(),
                    s.message.id());
            meters.givenBack();
            end(s.message, retry("given back unsent late in its claim's lease"));
            return false;
        }
        if (now < s.nextRenewal) {
            return true;
        }
        Renewed renewed = renewLease.renew(s.message.id());
        if (renewed == Renewed.FAILED) {
            s.nextRenewal = now + RENEWAL_RETRY_MILLIS; // the lease stays as stored: tried again soon, not sooner
            return true;
        }
        if (renewed == Renewed.TAKEN_OVER) {
            log.warn("{}: outbound {} taken over by another owner after {} of {} parts; the rest not sent",
                    session.name(), s.message.id(), s.accepted.size(), s.parts.size());
            end(s.message, failed(s.message, "incomplete", "incomplete: " + s.accepted.size() + " of "
                    + s.parts.size() + " parts sent before its claim was taken over", s.accepted));
            return false;
        }
        meters.renewed();
        s.leaseUntil = now + config.lease().toMillis(); // no later than the lease the store wrote
        return true;
    }

    /**
     * The bind is down: a message with no part accepted goes back to the queue; one with parts accepted waits for the
     * bind (this thread with it: nothing else can be sent on this bind meanwhile) and is tried again. Meanwhile every
     * message waiting for its next part keeps its claim as this one does (renewed, or given back if none of its parts
     * went out): a claim that ran out while it waited would let another owner send that message whole.
     */
    private void waitForBind(Submission s, MtPart part, String why) {
        if (s.accepted.isEmpty()) {
            end(s.message, retry(why));
            return;
        }
        while (running.getAsBoolean() && session.bound().isEmpty()) {
            deadlines.expire();
            continuations.removeIf(waiting -> !keepClaim(waiting));
            if (!keepClaim(s)) {
                return;
            }
            LockSupport.parkNanos(this, config.idlePoll().toNanos());
        }
        if (running.getAsBoolean()) {
            continuations.add(s);
        } else {
            end(s.message, stopped(s, part, "stop"));
        }
    }

    /** A part's response, or its failure; on jsmpp's PDU thread (or this one, for a timeout). */
    private void answered(Submission s, MtPart part, PipelinedRequests.Request request, Command response,
                          Throwable failure) {
        try {
            if (failure == null) {
                pace.accepted(s.sentAfter);
                meters.submitted();
                s.accepted.add(partId(part.seq(), ((SubmitSmResp) response).getMessageId()));
                if (++s.next < s.parts.size()) {
                    continueWith(s);
                } else {
                    end(s.message, new SubmitOutcome.Submitted(s.accepted));
                }
                return;
            }
            Throwable cause = Futures.cause(failure);
            // a generic_nack carries a command_status too: an SMSC may answer overload with one (ESME_RTHROTTLED)
            Integer refused = cause instanceof NegativeResponseException e ? Integer.valueOf(e.getCommandStatus())
                    : cause instanceof GenericNackResponseException g ? Integer.valueOf(g.getCommandStatus()) : null;
            if (refused != null) {
                int status = refused;
                if (status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL) {
                    meters.throttled();
                    long pause = pace.throttled(s.sentAfter);
                    log.debug("{}: submit_sm of outbound {} answered {}, pausing {} ms", session.name(),
                            s.message.id(), hex(status), pause / 1_000_000);
                    continueWith(s);
                } else {
                    end(s.message, failed(s.message, hex(status), hex(status), s.accepted));
                }
            } else if (cause instanceof ResponseTimeoutException) {
                meters.unknown();
                if (part.seq() == part.total()) {
                    // its id, if the response comes after all, lets the part's receipt settle the message
                    long id = s.message.id();
                    request.onLateResponse(late -> {
                        String messageId = ((SubmitSmResp) late).getMessageId();
                        log.info("{}: late submit_sm_resp for outbound {} part {}/{}: SMSC id {}", session.name(), id,
                                part.seq(), part.total(), messageId);
                        lateParts.accept(new LatePart(id, partId(part.seq(), messageId)));
                    });
                }
                log.warn("{}: no submit_sm_resp for outbound {} part {}/{} to {}; left UNKNOWN, not resent",
                        session.name(), s.message.id(), part.seq(), part.total(),
                        Msisdn.mask(s.message.destination()));
                end(s.message, new SubmitOutcome.Unknown(
                        "no submit_sm_resp for part " + part.seq() + " of " + part.total(), s.accepted));
            } else if (cause instanceof InvalidResponseException) {
                end(s.message, failed(s.message, "invalid", "invalid: " + cause.getMessage(), s.accepted));
            } else {
                throw new IllegalStateException("unexpected submit_sm failure", cause);
            }
        } catch (RuntimeException e) {
            log.error("{}: outbound {} not settled normally", session.name(), s.message.id(), e);
            end(s.message, new SubmitOutcome.RetryLater(clock.instant().plusSeconds(1), "internal error: " + e,
                    true));
        }
    }

    /**
     * The message's next part, or the same one again, goes before any new message, and after the continuations of
     * messages handed out before it.
     */
    private void continueWith(Submission s) {
        continuations.add(s);
        wake();
    }

    private void end(QueuedSms m, SubmitOutcome outcome) {
        outcomes.accept(new Outcome(m, outcome));
        meters.inFlight.decrementAndGet();
        wake();
    }

    /** Nothing more can be sent: back to the queue when no part went out, else failed as incomplete. */
    private SubmitOutcome stopped(Submission s, MtPart part, String why) {
        if (s.accepted.isEmpty()) {
            return retry(why);
        }
        return failed(s.message, "incomplete", "incomplete: " + s.accepted.size() + " of " + part.total()
                + " parts sent before " + why, s.accepted);
    }

    private SubmitOutcome retry(String why) {
        return new SubmitOutcome.RetryLater(clock.instant(), why, false);
    }

    private SubmitOutcome failed(QueuedSms m, String status, String error, List<PartId> accepted) {
        meters.failed(status);
        log.info("{}: outbound {} to {} failed: {}", session.name(), m.id(), Msisdn.mask(m.destination()), error);
        return new SubmitOutcome.Failed(error, accepted);
    }

    private PartId partId(int seq, String messageId) {
        String id = messageId == null ? "" : messageId;
        return new PartId(seq, id, MessageIds.normalise(id).isEmpty() ? List.of("(none)")
                : MessageIds.matchKeys(session.smsc(), id));
    }

    /** A command_status as the queue records it, e.g. {@code 0x0000000B}. */
    private static String hex(int status) {
        return String.format("0x%08X", status);
    }

    /**
     * A message being submitted: its parts and how far it got. Handed between this pipeline's thread and the thread
     * that completes its part's response, one at a time (the request map and the deque order the hand-offs).
     */
    private static final class Submission {
        final QueuedSms message;
        final List<MtPart> parts;
        final List<PartId> accepted = new ArrayList<>();
        /** The message's place in the order this pipeline began its messages. */
        final long order;
        /** The bind's slow-downs when the part in flight went out ({@link BindPace#slowDowns()}). */
        long sentAfter;
        int next;
        long leaseUntil;
        long nextRenewal;

        Submission(QueuedSms message, List<MtPart> parts, long order) {
            this.message = message;
            this.parts = parts;
            this.order = order;
            this.leaseUntil = message.leaseUntil();
        }
    }
}
