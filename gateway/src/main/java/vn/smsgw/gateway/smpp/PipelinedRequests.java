package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.PendingResponse;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SendCommandTask;

/*
 * jsmpp sends a request and then parks the sending thread until the response comes (AbstractSession's
 * executeSendCommand), so a window of N requests in flight takes N threads, and every response wakes one of them:
 * a park, a wake-up and a context switch per PDU (in an async-profiler CPU profile of `bench inbound --side gateway`,
 * the simulator's deliver_sm senders and the gateway's submit_sm senders took 21 % and 12 % of the samples, about half
 * of it parking and waking). jsmpp
 * matches every response and generic_nack to its request through AbstractSession#removePendingResponse (protected,
 * called virtually for each one), and completes what it returns. A session subclass registers its own requests here
 * before writing them, and looks here first in that method: the response then completes a future on jsmpp's PDU
 * thread, and nobody waited for it. Timeouts are the caller's (Deadlines), since a session that closes never answers
 * what is still in flight.
 */
/** The requests of one jsmpp session sent without a waiting thread, by sequence number. Thread-safe. */
public final class PipelinedRequests {

    /** How many timed-out requests are kept for a late response, the oldest given up first. */
    static final int LATE_CAPACITY = 10_000;

    private final ConcurrentHashMap<Integer, Request> waiting = new ConcurrentHashMap<>();
    /**
     * The late handlers ({@link Request#onLateResponse}) of timed-out requests, by sequence number, oldest first; past
     * {@link #LATE_CAPACITY} the oldest is given up.
     */
    private final LinkedHashMap<Integer, Consumer<Command>> late = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Consumer<Command>> eldest) {
            return size() > LATE_CAPACITY;
        }
    };

    /**
     * Registers {@code sequenceNumber}, then writes the request with it; the returned request's response completes
     * when jsmpp hands the answer to {@link #remove(int)}. A write that fails unregisters it, runs
     * {@code onWriteFailure} (a session closes itself then, as jsmpp's own send does) and throws.
     */
    public Request send(SendCommandTask task, int sequenceNumber, OutputStream out, Runnable onWriteFailure)
            throws PDUException, IOException {
        Request request = new Request(this, sequenceNumber, task.getCommandName());
        waiting.put(sequenceNumber, request);
        boolean written = false;
        try {
            task.executeTask(out, sequenceNumber);
            written = true;
            return request;
        } catch (IOException e) {
            onWriteFailure.run();
            throw e;
        } finally {
            if (!written) {
                waiting.remove(sequenceNumber, request);
            }
        }
    }

    /**
     * The request {@code sequenceNumber} answers, taken out, or null if it is not one of these. A request that timed
     * out and waits for a late response answers with what hands the response to its late handler.
     */
    public PendingResponse<Command> remove(int sequenceNumber) {
        PendingResponse<Command> request = waiting.remove(sequenceNumber);
        return request != null ? request : removeLate(sequenceNumber);
    }

    private PendingResponse<Command> removeLate(int sequenceNumber) {
        Consumer<Command> handler;
        synchronized (late) {
            handler = late.remove(sequenceNumber);
        }
        return handler == null ? null : new LateResponse(handler);
    }

    private void forgetLate(int sequenceNumber) {
        synchronized (late) {
            late.remove(sequenceNumber);
        }
    }

    private void keepForLateResponse(int sequenceNumber, Consumer<Command> handler) {
        synchronized (late) {
            late.put(sequenceNumber, handler);
        }
    }

    /** Timed-out requests still kept for a late response. */
    int waitingLate() {
        synchronized (late) {
            return late.size();
        }
    }

    /**
     * For a session's {@code removePendingResponse}: the request {@code sequenceNumber} answers, taken out, if it is
     * one of these, else what the session's own lookup gives.
     */
    public PendingResponse<Command> removeOr(int sequenceNumber, IntFunction<PendingResponse<Command>> sessions) {
        PendingResponse<Command> request = remove(sequenceNumber);
        return request != null ? request : sessions.apply(sequenceNumber);
    }

    /** Requests written and not yet answered or timed out. */
    public int inFlight() {
        return waiting.size();
    }

    /**
     * One request in flight. jsmpp completes it through {@link #done} (any command_status) or
     * {@link #doneWithInvalidResponse} (generic_nack); {@link #timeOut()} ends it from the caller's side.
     */
    public static final class Request extends PendingResponse<Command> {
        private final PipelinedRequests owner;
        private final int sequenceNumber;
        private final String command;
        private final CompletableFuture<Command> response = new CompletableFuture<>();
        private volatile Consumer<Command> onLate;
        /** An ESME_ROK response that found the request timed out but still waiting; see {@link #timeOut()}. */
        private volatile Command arrivedLate;
        private final AtomicBoolean lateHandled = new AtomicBoolean();

        private Request(PipelinedRequests owner, int sequenceNumber, String command) {
            super(0);
            this.owner = owner;
            this.sequenceNumber = sequenceNumber;
            this.command = command;
        }

        /**
         * Completes with the ESME_ROK response; fails with {@link NegativeResponseException} for another
         * command_status, {@link InvalidResponseException} for a generic_nack and {@link ResponseTimeoutException}
         * after {@link #timeOut()}. Dependent stages run on the thread that completes it: jsmpp's PDU thread, or the
         * one timing it out; they must not block.
         */
        public CompletableFuture<Command> response() {
            return response;
        }

        /** The request's sequence_number. */
        public int sequenceNumber() {
            return sequenceNumber;
        }

        /**
         * Has an ESME_ROK response that comes after {@link #timeOut()} go to {@code handler}, on jsmpp's PDU thread
         * (it must not block); set from the timeout's own dependent stage. Without it a late response is logged by
         * jsmpp as unknown. The last {@value #LATE_CAPACITY} timed-out requests of a session are kept for it.
         */
        public void onLateResponse(Consumer<Command> handler) {
            this.onLate = handler;
        }

        /**
         * Gives up waiting; false if already answered. A response that comes later goes to the late handler, if the
         * timeout's dependent stages set one.
         */
        public boolean timeOut() {
            // in this order, so that a response coming meanwhile always finds a way to the late handler: until the
            // request leaves the waiting map jsmpp hands the response to done(), which passes it on once the future
            // has failed; from then the late map holds the handler
            boolean timedOut = response.completeExceptionally(new ResponseTimeoutException(
                    "no " + command + "_resp for sequence_number " + sequenceNumber));
            Consumer<Command> handler = onLate;
            if (timedOut && handler != null) {
                owner.keepForLateResponse(sequenceNumber, handler);
                Command early = arrivedLate;
                if (early != null) { // came while the dependent stages ran, before the handler was set
                    passLate(early);
                }
            }
            owner.waiting.remove(sequenceNumber, this);
            return timedOut;
        }

        /** Hands a response that came after the timeout to the late handler, once. */
        private void passLate(Command resp) {
            Consumer<Command> handler = onLate;
            if (handler != null && lateHandled.compareAndSet(false, true)) {
                owner.forgetLate(sequenceNumber);
                handler.accept(resp);
            }
        }

        @Override
        public void done(Command resp) {
            if (resp == null) {
                throw new IllegalArgumentException("response cannot be null");
            }
            if (resp.getCommandStatus() == SMPPConstant.STAT_ESME_ROK) {
                if (!response.complete(resp)) { // timed out a moment before: a late response
                    arrivedLate = resp;
                    passLate(resp);
                }
            } else {
                response.completeExceptionally(new NegativeResponseException(resp.getCommandStatus()));
            }
        }

        @Override
        public void doneWithInvalidResponse(InvalidResponseException e) {
            response.completeExceptionally(e);
        }

        @Override
        public Command getResponse() {
            return response.getNow(null);
        }

        /** Never called by jsmpp for these: nothing waits. */
        @Override
        public void waitDone() {
            throw new UnsupportedOperationException("a pipelined request is not waited for");
        }
    }

    /** What jsmpp completes for a response that came after its request timed out: the late handler's ESME_ROK. */
    private static final class LateResponse extends PendingResponse<Command> {
        private final Consumer<Command> handler;

        LateResponse(Consumer<Command> handler) {
            super(0);
            this.handler = handler;
        }

        @Override
        public void done(Command resp) {
            if (resp != null && resp.getCommandStatus() == SMPPConstant.STAT_ESME_ROK) {
                handler.accept(resp);
            }
        }

        @Override
        public void doneWithInvalidResponse(InvalidResponseException e) {
            // a generic_nack for a request given up on: nothing more to learn
        }

        @Override
        public Command getResponse() {
            return null;
        }

        @Override
        public void waitDone() {
            throw new UnsupportedOperationException("a late response is not waited for");
        }
    }
}
