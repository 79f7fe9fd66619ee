package vn.smsgw.gateway.smpp;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
        CompletableFuture<?> take(String smsc, DeliveryReceipt receipt);
    }

    /** Checks for nulls. */
    public MoSinks {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(receipts, "receipts");
    }
}
