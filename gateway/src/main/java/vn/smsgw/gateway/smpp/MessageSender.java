package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.outbound.PartId;
import vn.smsgw.dispatch.outbound.QueuedSms;
import vn.smsgw.dispatch.outbound.SubmitOutcome;
import vn.smsgw.parser.number.Msisdn;

/**
 * Submits the parts of one claimed message on a bind, in order, and says how it ended. Thread-safe; one message
 * per calling thread.
 */
final class MessageSender {

    /*
     * ESME_RTHROTTLED and ESME_RMSGQFUL slow the whole bind down (BindPace) and the same part is tried again by the
     * same thread: the message keeps its place and is never sent twice. Any other command_status fails the message
     * with that status. A response timeout leaves it UNKNOWN: the SMSC may have it, so it is not resent. An
     * IOException (bind lost) before the first part returns the message to the queue without counting an attempt;
     * after a part was accepted, the remaining parts wait for the bind, as the handset needs them under the same
     * reference.
     */

    static final int ESME_RMSGQFUL = 0x14;
    static final int ESME_RTHROTTLED = 0x58;

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final SubmitSession session;
    private final SubmitterConfig config;
    private final BindPace pace;
    private final MtMeters meters;
    private final Clock clock;
    private final BooleanSupplier running;
    private final AtomicInteger reference = new AtomicInteger();

    MessageSender(SubmitSession session, SubmitterConfig config, BindPace pace, MtMeters meters, Clock clock,
            BooleanSupplier running) {
        this.session = session;
        this.config = config;
        this.pace = pace;
        this.meters = meters;
        this.clock = clock;
        this.running = running;
    }

    SubmitOutcome send(QueuedSms m) {
        MtEncoded encoded;
        MtMode mode = m.ucs2() ? MtMode.UCS2 : MtMode.AUTO;
        try {
            encoded = MtEncoder.encode(new MtMessage(m.body(), SmppAddress.source(m.sender(), config.shortCodes()),
                    SmppAddress.international(m.destination()), mode), reference.getAndIncrement());
        } catch (IllegalArgumentException e) {
            return failed(m, "refused", "refused: " + e.getMessage(), List.of());
        }
        if (encoded instanceof MtEncoded.Refused refused) {
            return failed(m, "refused", "refused: " + refused.reason(), List.of());
        }
        List<PartId> accepted = new ArrayList<>();
        for (MtPart part : ((MtEncoded.Parts) encoded).parts()) {
            SubmitOutcome stop = submit(m, part, accepted);
            if (stop != null) {
                return stop;
            }
        }
        return new SubmitOutcome.Submitted(accepted);
    }

    /** Submits one part, adding it to {@code accepted}; returns null then, else how the message ends. */
    private SubmitOutcome submit(QueuedSms m, MtPart part, List<PartId> accepted) {
        while (true) {
            if (!pace.await(m.lane(), running)) {
                return stopped(m, part, accepted, "stop");
            }
            Optional<SMPPSession> bound = session.bound();
            if (bound.isEmpty()) {
                if (accepted.isEmpty()) {
                    return retry("not bound");
                }
                if (!awaitBind()) {
                    return stopped(m, part, accepted, "stop");
                }
                continue;
            }
            try {
                SubmitSmResult result = MtSubmit.submit(bound.get(), part, config.serviceType());
                pace.accepted();
                meters.submitted();
                accepted.add(partId(part.seq(), result.getMessageId()));
                return null;
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                if (status == ESME_RTHROTTLED || status == ESME_RMSGQFUL) {
                    meters.throttled();
                    long pause = pace.throttled();
                    log.debug("{}: submit_sm of outbound {} answered {}, pausing {} ms", session.name(), m.id(),
                            hex(status), pause / 1_000_000);
                    continue;
                }
                return failed(m, hex(status), hex(status), accepted);
            } catch (ResponseTimeoutException e) {
                meters.unknown();
                log.warn("{}: no submit_sm_resp for outbound {} part {}/{} to {}; left UNKNOWN, not resent",
                        session.name(), m.id(), part.seq(), part.total(), Msisdn.mask(m.destination()));
                return new SubmitOutcome.Unknown("no submit_sm_resp for part " + part.seq() + " of " + part.total(),
                        accepted);
            } catch (IOException e) {
                log.info("{}: submit_sm of outbound {} not sent: {}", session.name(), m.id(), e.getMessage());
                if (accepted.isEmpty()) {
                    return retry("link: " + e.getMessage());
                }
                if (!awaitBind()) {
                    return stopped(m, part, accepted, "stop");
                }
            } catch (PDUException | InvalidResponseException e) {
                return failed(m, "invalid", "invalid: " + e.getMessage(), accepted);
            }
        }
    }

    /** Waits while the bind is down and the submitter runs; false when it stops first. */
    private boolean awaitBind() {
        while (running.getAsBoolean() && session.bound().isEmpty()) {
            LockSupport.parkNanos(config.idlePoll().toNanos());
        }
        return running.getAsBoolean();
    }

    /** Nothing more can be sent: back to the queue when no part went out, else failed as incomplete. */
    private SubmitOutcome stopped(QueuedSms m, MtPart part, List<PartId> accepted, String why) {
        if (accepted.isEmpty()) {
            return retry(why);
        }
        return failed(m, "incomplete", "incomplete: " + accepted.size() + " of " + part.total()
                + " parts sent before " + why, accepted);
    }

    private SubmitOutcome retry(String why) {
        return new SubmitOutcome.RetryLater(clock.instant(), why, false);
    }

    private SubmitOutcome failed(QueuedSms m, String status, String error, List<PartId> accepted) {
        meters.failed(status);
        log.info("{}: outbound {} to {} failed: {}", session.name(), m.id(), Msisdn.mask(m.destination()), error);
        return new SubmitOutcome.Failed(error, accepted);
    }

    static PartId partId(int seq, String messageId) {
        String id = messageId == null ? "" : messageId;
        List<String> keys = List.copyOf(MessageIds.matchKeys(id));
        return new PartId(seq, id, keys.get(0).isEmpty() ? List.of("(none)") : keys);
    }

    /** A command_status as the queue records it, e.g. {@code 0x0000000B}. */
    static String hex(int status) {
        return String.format("0x%08X", status);
    }
}
