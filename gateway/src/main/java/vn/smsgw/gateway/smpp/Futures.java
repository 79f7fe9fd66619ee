package vn.smsgw.gateway.smpp;

import java.util.concurrent.CompletionException;

/** What a failed future's dependent stage is handed, unwrapped. */
final class Futures {
    private Futures() {
    }

    /** The cause a {@link CompletionException} carries, or {@code failure} itself. */
    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
