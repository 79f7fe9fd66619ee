package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.SubmitSmResp;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.PendingResponse;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SendCommandTask;
import org.junit.jupiter.api.Test;

class PipelinedRequestsTest {

    private static final Runnable NOTHING = () -> { };

    private final PipelinedRequests requests = new PipelinedRequests();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(1_000);

    /** Writes its sequence number as one byte, as a stand-in for a PDU. */
    private static SendCommandTask task(String name) {
        return new SendCommandTask() {
            @Override
            public void executeTask(OutputStream out, int sequenceNumber) throws IOException {
                out.write(sequenceNumber);
            }

            @Override
            public String getCommandName() {
                return name;
            }
        };
    }

    private static Command response(int sequenceNumber, int status) {
        SubmitSmResp resp = new SubmitSmResp();
        resp.setSequenceNumber(sequenceNumber);
        resp.setCommandStatus(status);
        resp.setMessageId("ab12");
        return resp;
    }

    private static Throwable failure(PipelinedRequests.Request request) {
        CompletionException e = assertThrows(CompletionException.class, () -> request.response().join());
        return e.getCause();
    }

    @Test
    void send_writesWithTheSequenceNumberAndWaitsForItsResponse() throws Exception {
        PipelinedRequests.Request first = requests.send(task("submit_sm"), 7, wire, NOTHING);
        PipelinedRequests.Request second = requests.send(task("submit_sm"), 8, wire, NOTHING);

        assertArrayEquals(new byte[] {7, 8}, wire.toByteArray());
        assertEquals(2, requests.inFlight());
        assertFalse(first.response().isDone());
        assertEquals(8, second.sequenceNumber());
    }

    @Test
    void remove_ofAnotherSequenceNumber_isNullSoJsmppLooksInItsOwnRequests() throws Exception {
        requests.send(task("submit_sm"), 7, wire, NOTHING);

        assertNull(requests.remove(9));
        assertEquals(1, requests.inFlight());
    }

    @Test
    void removeOr_ofAnotherSequenceNumber_givesWhatTheSessionsOwnLookupGives() throws Exception {
        requests.send(task("submit_sm"), 7, wire, NOTHING);
        PendingResponse<Command> theirs = new PendingResponse<>(1_000);

        assertSame(theirs, requests.removeOr(9, seq -> seq == 9 ? theirs : null));
        assertInstanceOf(PipelinedRequests.Request.class, requests.removeOr(7, seq -> theirs));
        assertEquals(0, requests.inFlight());
    }

    @Test
    void done_withEsmeRok_completesWithTheResponse() throws Exception {
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 7, wire, NOTHING);
        Command resp = response(7, 0);

        requests.remove(7).done(resp);

        assertSame(resp, request.response().join());
        assertSame(resp, request.getResponse());
        assertEquals(0, requests.inFlight());
    }

    @Test
    void done_withAnErrorStatus_failsWithThatStatus() throws Exception {
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 7, wire, NOTHING);

        requests.remove(7).done(response(7, 0x58));

        NegativeResponseException e = assertInstanceOf(NegativeResponseException.class, failure(request));
        assertEquals(0x58, e.getCommandStatus());
    }

    @Test
    void doneWithInvalidResponse_aGenericNack_failsWithIt() throws Exception {
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 7, wire, NOTHING);
        InvalidResponseException nack = new InvalidResponseException("generic_nack");

        requests.remove(7).doneWithInvalidResponse(nack);

        assertSame(nack, failure(request));
    }

    @Test
    void done_withNoResponse_isRefused() throws Exception {
        requests.send(task("submit_sm"), 7, wire, NOTHING);

        assertThrows(IllegalArgumentException.class, () -> requests.remove(7).done(null));
    }

    @Test
    void send_whoseWriteFails_closesTheSessionAndIsNotLeftWaiting() {
        SendCommandTask broken = new SendCommandTask() {
            @Override
            public void executeTask(OutputStream out, int sequenceNumber) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public String getCommandName() {
                return "deliver_sm";
            }
        };

        AtomicInteger closed = new AtomicInteger();
        assertThrows(IOException.class, () -> requests.send(broken, 7, wire, closed::incrementAndGet));
        assertEquals(1, closed.get(), "the session is closed once");
        assertEquals(0, requests.inFlight());
        assertNull(requests.remove(7));
    }

    @Test
    void expire_timesOutOnlyRequestsPastTheirDeadline() throws Exception {
        ResponseDeadlines deadlines = new ResponseDeadlines(now::get);
        PipelinedRequests.Request early = requests.send(task("deliver_sm"), 1, wire, NOTHING);
        deadlines.track(early, 500);
        now.addAndGet(200);
        PipelinedRequests.Request late = requests.send(task("deliver_sm"), 2, wire, NOTHING);
        deadlines.track(late, 500);

        now.addAndGet(299);
        assertEquals(0, deadlines.expire());
        now.addAndGet(1);
        assertEquals(1, deadlines.expire());

        ResponseTimeoutException e = assertInstanceOf(ResponseTimeoutException.class, failure(early));
        assertTrue(e.getMessage().contains("deliver_sm_resp for sequence_number 1"), e.getMessage());
        assertFalse(late.response().isDone());
        assertNull(requests.remove(1), "a response after the timeout is not matched");
        assertEquals(1, requests.inFlight());
    }

    @Test
    void expire_forgetsAnsweredRequestsAndNeverTimesThemOut() throws Exception {
        ResponseDeadlines deadlines = new ResponseDeadlines(now::get);
        PipelinedRequests.Request answered = requests.send(task("submit_sm"), 1, wire, NOTHING);
        deadlines.track(answered, 500);
        PipelinedRequests.Request unanswered = requests.send(task("submit_sm"), 2, wire, NOTHING);
        deadlines.track(unanswered, 500);
        requests.remove(1).done(response(1, 0));

        now.addAndGet(10_000);

        assertEquals(1, deadlines.expire());
        assertEquals(0, answered.response().join().getCommandStatus());
        assertInstanceOf(ResponseTimeoutException.class, failure(unanswered));
        assertEquals(0, deadlines.expire());
    }

    @Test
    void timeOut_afterTheResponse_changesNothing() throws Exception {
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 1, wire, NOTHING);
        requests.remove(1).done(response(1, 0));

        assertFalse(request.timeOut());
        assertEquals(0, request.response().join().getCommandStatus());
    }

    @Test
    void track_needsAPositiveTimeout() throws Exception {
        ResponseDeadlines deadlines = new ResponseDeadlines(now::get);
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 1, wire, NOTHING);

        assertThrows(IllegalArgumentException.class, () -> deadlines.track(request, 0));
    }

    @Test
    void timeOut_withALateHandler_aLaterAcceptGoesToIt() throws Exception {
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 7, wire, NOTHING);
        List<Command> late = new ArrayList<>();
        request.response().whenComplete((r, e) -> request.onLateResponse(late::add));

        assertTrue(request.timeOut());
        assertInstanceOf(ResponseTimeoutException.class, failure(request));
        assertEquals(0, requests.inFlight());
        assertEquals(1, requests.waitingLate());
        PendingResponse<Command> found = requests.remove(7);
        found.done(response(7, 0));

        assertEquals(1, late.size());
        assertEquals("ab12", ((SubmitSmResp) late.get(0)).getMessageId());
        assertEquals(0, requests.waitingLate());
        assertNull(requests.remove(7), "a second response is jsmpp's to log");
    }

    @Test
    void timeOut_whileJsmppHoldsTheRequestItTookOut_theAcceptStillGoesToTheLateHandlerOnce() throws Exception {
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 7, wire, NOTHING);
        List<Command> late = new ArrayList<>();
        request.response().whenComplete((r, e) -> request.onLateResponse(late::add));
        PendingResponse<Command> taken = requests.remove(7); // jsmpp's PDU thread has the response in hand

        assertTrue(request.timeOut(), "the deadline passes before it completes the request");
        taken.done(response(7, 0));

        assertEquals(1, late.size(), "the SMSC id is not lost");
        assertEquals(0, requests.waitingLate());
        assertNull(requests.remove(7));
    }

    @Test
    void timeOut_aResponseComingWhileTheTimeoutsStagesRun_goesToTheLateHandlerOnce() throws Exception {
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 7, wire, NOTHING);
        List<Command> late = new ArrayList<>();
        request.response().whenComplete((r, e) -> {
            requests.remove(7).done(response(7, 0)); // the response, before the stage sets the handler
            request.onLateResponse(late::add);
        });

        assertTrue(request.timeOut());

        assertEquals(1, late.size(), "the SMSC id is not lost");
        assertEquals(0, requests.waitingLate());
        assertNull(requests.remove(7));
    }

    @Test
    void timeOut_lateErrorResponse_isNotHandedOver() throws Exception {
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 7, wire, NOTHING);
        List<Command> late = new ArrayList<>();
        request.response().whenComplete((r, e) -> request.onLateResponse(late::add));
        request.timeOut();

        requests.remove(7).done(response(7, 0x58));

        assertTrue(late.isEmpty());
    }

    @Test
    void timeOut_withoutALateHandler_keepsNothing() throws Exception {
        PipelinedRequests.Request request = requests.send(task("submit_sm"), 7, wire, NOTHING);

        request.timeOut();

        assertEquals(0, requests.waitingLate());
        assertNull(requests.remove(7));
    }

    @Test
    void timeOut_beyondTheCapacity_givesUpTheOldestFirst() throws Exception {
        for (int seq = 1; seq <= PipelinedRequests.LATE_CAPACITY + 1; seq++) {
            PipelinedRequests.Request request = requests.send(task("submit_sm"), seq, OutputStream.nullOutputStream(),
                    NOTHING);
            request.response().whenComplete((r, e) -> request.onLateResponse(c -> { }));
            request.timeOut();
        }

        assertEquals(PipelinedRequests.LATE_CAPACITY, requests.waitingLate());
        assertNull(requests.remove(1));
        assertTrue(requests.remove(2) != null);
    }
}
