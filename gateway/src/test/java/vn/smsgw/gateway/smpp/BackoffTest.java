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
    void delayAtLeast_earlyAttempt_neverShorterThanTheFloor() {
        // ESME_RALYBND: at least eight times the minimum, even at the first retry (whose own cap is twice it)
        assertEquals(Duration.ofSeconds(8), backoff(0.0).delayAtLeast(0, 8_000));
        assertEquals(Duration.ofSeconds(8), backoff(0.99).delayAtLeast(0, 8_000));
    }

    @Test
    void delayAtLeast_laterAttempt_jitteredBetweenTheFloorAndTheCap() {
        assertEquals(Duration.ofSeconds(8), backoff(0.0).delayAtLeast(4, 8_000));
        assertEquals(Duration.ofMillis(8_000 + (32_000 - 8_000) / 2), backoff(0.5).delayAtLeast(4, 8_000));
    }

    @Test
    void cap_minEqualToMax_staysThere() {
        assertEquals(1_000, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.5).cap(3));
    }
}
