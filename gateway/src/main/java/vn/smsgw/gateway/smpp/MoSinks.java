package vn.smsgw.gateway.smpp;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import vn.smsgw.dispatch.intake.Intake;

/**
 * Where received deliver_sm go: MO messages and their parts to {@code intake}, delivery receipts to {@code receipts}
 * (which must be thread-safe; an exception it throws or a future it fails answers the receipt with a temporary
 * error).
 */
public record MoSinks(Intake intake, Receipts receipts) {

    /** Takes a delivery receipt; the future completes once the receipt is recorded. */
    @FunctionalInterface
    public interface Receipts {
        CompletableFuture<?> take(DeliveryReceipt receipt);
    }

    /** Checks for nulls. */
    public MoSinks {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(receipts, "receipts");
    }

    /** Sinks whose receipts are recorded by {@code receipts} before it returns. */
    public static MoSinks of(Intake intake, Consumer<DeliveryReceipt> receipts) {
        Objects.requireNonNull(receipts, "receipts");
        return new MoSinks(intake, r -> {
            receipts.accept(r);
            return CompletableFuture.completedFuture(null);
        });
    }
}
