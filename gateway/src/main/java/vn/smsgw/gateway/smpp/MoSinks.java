package vn.smsgw.gateway.smpp;

import java.util.Objects;
import java.util.function.Consumer;
import vn.smsgw.dispatch.intake.Intake;

/**
 * Where received deliver_sm go: MO messages and their parts to {@code intake}, delivery receipts to {@code receipts}
 * (which must be thread-safe; an exception it throws answers the receipt with a temporary error).
 */
public record MoSinks(Intake intake, Consumer<DeliveryReceipt> receipts) {

    /** Checks for nulls. */
    public MoSinks {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(receipts, "receipts");
    }
}
