package vn.smsgw.dispatch.police;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoliceRelaySettingsTest {
    private final PoliceRelaySettings settings = new PoliceRelaySettings(10, Duration.ofMillis(100),
            Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(60));

    @Test
    void backoff_firstAttempt_isBetweenHalfBaseAndBase() {
        assertEquals(Duration.ofMillis(250), settings.backoff(1, 0.0));
        assertEquals(Duration.ofMillis(499), settings.backoff(1, 0.999));
    }

    @Test
    void backoff_eachAttempt_doublesTheRange() {
        assertEquals(Duration.ofMillis(500), settings.backoff(2, 0.0));
        assertEquals(Duration.ofMillis(999), settings.backoff(2, 0.999));
        assertEquals(Duration.ofMillis(1000), settings.backoff(3, 0.0));
        assertEquals(Duration.ofMillis(1999), settings.backoff(3, 0.9995));
    }

    @Test
    void backoff_manyAttempts_isCapped() {
        assertEquals(Duration.ofSeconds(30), settings.backoff(40, 0.0));
        assertEquals(Duration.ofSeconds(60), settings.backoff(Integer.MAX_VALUE, 1.0));
    }

    @Test
    void new_capBelowBase_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PoliceRelaySettings(10, Duration.ofMillis(100),
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void new_zeroBatch_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PoliceRelaySettings(0, Duration.ofMillis(100),
                Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(1)));
    }
}
