package vn.smsgw.gateway.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** The deliver_sm_resp to the parts of one MO that an interop SMSC sent. Thread-safe. */
final class MoAnswers {

    /**
     * The command_status of every part's deliver_sm_resp in order of arrival, and what the probe returned when the
     * last of them arrived (on the thread that read it, before the SMSC read anything else).
     */
    record Answered(List<Integer> statuses, boolean probe) {
    }

    private final CompletableFuture<Answered> done = new CompletableFuture<>();
    private final int parts;
    private final BooleanSupplier probe;
    private final List<Integer> statuses = new ArrayList<>();

    MoAnswers(int parts, BooleanSupplier probe) {
        this.parts = parts;
        this.probe = probe;
    }

    /** Completes once every part is answered, or fails when one expires. */
    CompletableFuture<Answered> done() {
        return done;
    }

    synchronized void answered(int status) {
        statuses.add(status);
        if (statuses.size() == parts) {
            try {
                done.complete(new Answered(List.copyOf(statuses), probe.getAsBoolean()));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }
    }

    void expired(String request) {
        done.completeExceptionally(new TimeoutException("deliver_sm not answered: " + request));
    }
}
