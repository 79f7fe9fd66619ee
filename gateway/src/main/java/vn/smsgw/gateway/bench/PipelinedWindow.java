package vn.smsgw.gateway.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jsmpp.PDUSender;
import org.jsmpp.session.SendCommandTask;
import org.jsmpp.session.SubmitSmCommandTask;
import vn.smsgw.gateway.smpp.PipelinedRequests;
import vn.smsgw.gateway.smpp.PipelinedSmppSession;
import vn.smsgw.gateway.smpp.ResponseDeadlines;

/**
 * A window of submit_sm in flight on one session, written by one thread without waiting for the responses, as the
 * gateway's submitter writes them; the bare sides of the benchmarks use it so that they stay the ceiling of jsmpp for
 * the same traffic. One thread takes places and submits; responses give the places back on jsmpp's threads.
 */
final class PipelinedWindow {

    private final PipelinedSmppSession session;
    private final int size;
    private final Semaphore places;
    private final ResponseDeadlines deadlines = new ResponseDeadlines(System::nanoTime);
    private final LongAdder failed = new LongAdder();

    PipelinedWindow(PipelinedSmppSession session, int size) {
        this.session = session;
        this.size = size;
        this.places = new Semaphore(size);
    }

    /** Times out overdue responses, then waits up to {@code millis} for a place; whether it got one. */
    boolean takePlace(long millis) throws InterruptedException {
        deadlines.expire();
        return places.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }

    /** Gives back a place taken but not used. */
    void giveBack() {
        places.release();
    }

    /** Writes the submit_sm {@code task} builds in a place taken before; its response, or its failure, frees it. */
    void submit(Function<PDUSender, SendCommandTask> task) {
        try {
            PipelinedRequests.Request request = session.send(SubmitSmCommandTask.COMMAND_NAME_SUBMIT_SM, task);
            deadlines.track(request, TimeUnit.MILLISECONDS.toNanos(session.getTransactionTimer()));
            request.response().whenComplete((response, failure) -> {
                if (failure != null) {
                    failed.increment();
                }
                places.release();
            });
        } catch (Exception e) {
            failed.increment();
            places.release();
        }
    }

    /** Waits until every place is back (each submit_sm answered or timed out), up to {@code millis}; whether it was. */
    boolean awaitAllAnswered(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            deadlines.expire();
            if (places.tryAcquire(size, 10, TimeUnit.MILLISECONDS)) {
                places.release(size);
                return true;
            }
        }
        return false;
    }

    /** submit_sm that failed: an error answer, a timeout, a broken connection. */
    long failed() {
        return failed.sum();
    }
}
