package vn.smsgw.gateway.smpp;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Times out {@link PipelinedRequests.Request}s that got no response in time, for whoever sent them: the sender
 * calls {@link #expire()} from its own loop. Requests are kept in the order they were tracked, so with one timeout
 * (a session's transaction timer) their deadlines are in order and a call looks only at the overdue head; one whose
 * deadline is earlier than the one before it is timed out at most as late as that one. Thread-safe.
 */
public final class ResponseDeadlines {

    private final LongSupplier ticker;
    private final ConcurrentLinkedQueue<Tracked> queue = new ConcurrentLinkedQueue<>();

    /** Deadlines on {@code ticker} (monotonic nanoseconds, like {@link System#nanoTime()}). */
    public ResponseDeadlines(LongSupplier ticker) {
        this.ticker = ticker;
    }

    /** Starts the request's clock: it times out {@code timeoutNanos} from now. */
    public void track(PipelinedRequests.Request request, long timeoutNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive: " + timeoutNanos);
        }
        queue.add(new Tracked(request, ticker.getAsLong() + timeoutNanos));
    }

    /**
     * Times out every tracked request past its deadline and forgets the answered ones at the head; returns how many
     * timed out. Their failure stages run on the calling thread.
     */
    public int expire() {
        long now = ticker.getAsLong();
        int timedOut = 0;
        for (Tracked head = queue.peek(); head != null; head = queue.peek()) {
            boolean answered = head.request.response().isDone();
            if (!answered && now - head.deadline < 0) {
                break;
            }
            queue.poll();
            if (!answered && head.request.timeOut()) {
                timedOut++;
            }
        }
        return timedOut;
    }

    private record Tracked(PipelinedRequests.Request request, long deadline) {
    }
}
