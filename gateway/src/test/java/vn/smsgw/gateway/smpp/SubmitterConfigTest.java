package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubmitterConfigTest {
    private static final SubmitterConfig D = SubmitterConfig.defaults();

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void defaults_areTheDocumentedValues() {
        assertEquals(10, D.window());
        assertEquals(100, D.tps());
        assertEquals(0.2, D.replyReservedShare());
        assertEquals(Duration.ofSeconds(60), D.lease());
        assertEquals(Duration.ofMillis(200), D.throttleBackoff());
        assertEquals(Duration.ofSeconds(5), D.maxThrottleBackoff());
    }

    @Test
    void campaignTps_defaults_isTheTpsLessTheReplyShare() {
        assertEquals(80.0, D.campaignTps(), 1e-9);
    }

    @Test
    void heldClaims_isWhatTheBindSendsInAQuarterOfTheLease() {
        assertEquals(1_500, D.heldClaims(), "100 TPS, 60 s");
        assertEquals(15, D.withWindowAndTps(10, 1).heldClaims());
        assertEquals(1, D.withWindowAndTps(1, 1).withLease(Duration.ofSeconds(1)).heldClaims(), "at least one");
        assertEquals(Integer.MAX_VALUE, D.withWindowAndTps(10, Integer.MAX_VALUE).withLease(Duration.ofDays(365))
                .heldClaims());
    }

    @Test
    void constructor_zeroWindow_namesTheKey() {
        assertTrue(error(() -> D.withWindowAndTps(0, 100)).startsWith("window "));
    }

    @Test
    void constructor_zeroTps_namesTheKey() {
        assertTrue(error(() -> D.withWindowAndTps(10, 0)).startsWith("tps "));
    }

    @Test
    void constructor_wholeTpsReserved_namesTheKey() {
        assertTrue(error(() -> new SubmitterConfig(10, 100, 1.0, 100, D.lease(), D.throttleBackoff(),
                D.maxThrottleBackoff(), D.idlePoll(), "", ShortCodeAddressing.UNKNOWN))
                .startsWith("replyReservedShare "));
    }

    @Test
    void constructor_maxBackoffUnderFirst_namesTheKey() {
        assertTrue(error(() -> D.withThrottleBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .startsWith("maxThrottleBackoff "));
    }

    @Test
    void constructor_zeroLease_namesTheKey() {
        assertTrue(error(() -> new SubmitterConfig(10, 100, 0.2, 100, Duration.ZERO, D.throttleBackoff(),
                D.maxThrottleBackoff(), D.idlePoll(), "", ShortCodeAddressing.UNKNOWN)).startsWith("lease "));
    }
}
