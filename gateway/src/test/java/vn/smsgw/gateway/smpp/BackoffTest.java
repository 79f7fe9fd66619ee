package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Backoff backoff(double random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> random);
    }

    @Test
    void cap_attempts_doublesFromMinUpToMax() {
        Backoff backoff = backoff(0);

        assertEquals(2_000, backoff.cap(0));
        assertEquals(4_000, backoff.cap(1));
        assertEquals(32_000, backoff.cap(4));
        assertEquals(60_000, backoff.cap(5));
        assertEquals(60_000, backoff.cap(1_000));
    }

    @Test
    void delay_lowestRandom_isTheMinimum() {
        assertEquals(Duration.ofSeconds(1), backoff(0).delay(7));
    }

    @Test
    void delay_highRandom_staysBelowTheCap() {
        assertEquals(Duration.ofMillis(1_000 + 7_000 * 99 / 100), backoff(0.99).delay(2));
    }

    @Test
    void delay_firstAttempt_isJitteredUpToTwiceTheMinimum() {
        assertEquals(Duration.ofSeconds(1), backoff(0).delay(0));
        assertEquals(Duration.ofMillis(1_500), backoff(0.5).delay(0));
        assertEquals(Duration.ofMillis(1_990), backoff(0.99).delay(0));
    }

    @Test
    void cap_minEqualToMax_staysThere() {
        assertEquals(1_000, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.5).cap(3));
    }
}
