package vn.smsgw.gateway.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults the simulator injects. A count of 0 disables that fault; the submit_sm counters run over all sessions.
 *
 * @param throttleEvery       every Nth submit_sm is answered ESME_RTHROTTLED (0x58)
 * @param queueFullEvery      every Nth submit_sm is answered ESME_RMSGQFUL (0x14)
 * @param submitRespDelay     wait before answering each submit_sm (holds a PDU processor thread), zero for none
 * @param dropSubmitRespEvery every Nth submit_sm gets no response at all (and no receipt)
 * @param dropConnectionAfter the socket carrying the Nth MO deliver_sm is closed right after writing it (once)
 * @param duplicateEvery      every Nth MO deliver_sm acknowledged ESME_ROK is delivered a second time
 * @param throttleAfter       every submit_sm after the first N is answered ESME_RTHROTTLED (an SMSC that stops taking
 *                            messages mid-stream)
 */
public record Faults(
        int throttleEvery,
        int queueFullEvery,
        Duration submitRespDelay,
        int dropSubmitRespEvery,
        int dropConnectionAfter,
        int duplicateEvery,
        int throttleAfter) {

    /** Validates that counts are at least 0 and the delay is not negative. */
    public Faults {
        requireNotNegative("throttleEvery", throttleEvery);
        requireNotNegative("queueFullEvery", queueFullEvery);
        requireNotNegative("dropSubmitRespEvery", dropSubmitRespEvery);
        requireNotNegative("dropConnectionAfter", dropConnectionAfter);
        requireNotNegative("duplicateEvery", duplicateEvery);
        requireNotNegative("throttleAfter", throttleAfter);
        Objects.requireNonNull(submitRespDelay, "submitRespDelay");
        if (submitRespDelay.isNegative()) {
            throw new IllegalArgumentException("submitRespDelay must not be negative: " + submitRespDelay);
        }
    }

    /** No faults at all. */
    public static Faults none() {
        return new Faults(0, 0, Duration.ZERO, 0, 0, 0, 0);
    }

    /** These faults with every Nth submit_sm throttled. */
    public Faults withThrottleEvery(int n) {
        return new Faults(n, queueFullEvery, submitRespDelay, dropSubmitRespEvery, dropConnectionAfter,
                duplicateEvery, throttleAfter);
    }

    /** These faults with every Nth submit_sm answered queue full. */
    public Faults withQueueFullEvery(int n) {
        return new Faults(throttleEvery, n, submitRespDelay, dropSubmitRespEvery, dropConnectionAfter,
                duplicateEvery, throttleAfter);
    }

    /** These faults with each submit_sm_resp delayed. */
    public Faults withSubmitRespDelay(Duration delay) {
        return new Faults(throttleEvery, queueFullEvery, delay, dropSubmitRespEvery, dropConnectionAfter,
                duplicateEvery, throttleAfter);
    }

    /** These faults with every Nth submit_sm left unanswered. */
    public Faults withDropSubmitRespEvery(int n) {
        return new Faults(throttleEvery, queueFullEvery, submitRespDelay, n, dropConnectionAfter,
                duplicateEvery, throttleAfter);
    }

    /** These faults with the connection dropped right after the Nth MO deliver_sm. */
    public Faults withDropConnectionAfter(int n) {
        return new Faults(throttleEvery, queueFullEvery, submitRespDelay, dropSubmitRespEvery, n,
                duplicateEvery, throttleAfter);
    }

    /** These faults with every Nth acknowledged MO deliver_sm delivered twice. */
    public Faults withDuplicateEvery(int n) {
        return new Faults(throttleEvery, queueFullEvery, submitRespDelay, dropSubmitRespEvery,
                dropConnectionAfter, n, throttleAfter);
    }

    /** These faults with every submit_sm after the first {@code n} answered ESME_RTHROTTLED. */
    public Faults withThrottleAfter(int n) {
        return new Faults(throttleEvery, queueFullEvery, submitRespDelay, dropSubmitRespEvery, dropConnectionAfter,
                duplicateEvery, n);
    }

    static boolean every(int n, long count) {
        return n > 0 && count % n == 0;
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be at least 0: " + value);
        }
    }
}
