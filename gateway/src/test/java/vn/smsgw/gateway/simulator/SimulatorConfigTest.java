package vn.smsgw.gateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void build_zeroWindow_isRejectedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.builder().window(0).build());

        assertTrue(e.getMessage().startsWith("window"), e.getMessage());
    }

    @Test
    void build_zeroResponseTimeout_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.builder().responseTimeout(Duration.ZERO).build());
    }

    @Test
    void faults_negativeCount_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Faults.none().withThrottleEvery(-1));
    }

    @Test
    void format_decimal_writesTheHexIdAsANumber() {
        assertEquals("65536", ReceiptIdFormat.DECIMAL.format("10000"));
        assertEquals("10000", ReceiptIdFormat.HEX.format("10000"));
    }
}
