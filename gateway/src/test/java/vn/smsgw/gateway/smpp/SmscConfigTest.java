package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmscConfigTest {

    @Test
    void builder_defaults_transceiverWithRaisedTimersAndLargePool() {
        SmscConfig config = SmscConfig.builder("vnpt").build();

        assertEquals(BindMode.TRX, config.bindMode());
        assertEquals(1, config.binds());
        assertEquals(Duration.ofSeconds(10), config.transactionTimeout());
        assertEquals(Duration.ofSeconds(1), config.reconnectMin());
        assertEquals(Duration.ofSeconds(60), config.reconnectMax());
        assertEquals(Duration.ofSeconds(60), config.authFailureBackoff());
        assertEquals(Duration.ofSeconds(4), config.commitTimeout());
        assertEquals(2, config.pduProcessorDegree());
        assertEquals(1_000, config.queueCapacity());
        assertEquals(DefaultAlphabet.GSM7, config.defaultAlphabet());
    }

    @Test
    void constructor_portOutOfRange_namesTheSmscAndTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmscConfig.builder("vnpt").address("smsc.example", 0).build());

        assertEquals("smsc[vnpt].port must be 1..65535: 0", e.getMessage());
    }

    @Test
    void constructor_systemIdTooLong_namesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmscConfig.builder("vnpt").credentials("a-system-id-too-long", "pw").build());

        assertTrue(e.getMessage().startsWith("smsc[vnpt].systemId"), e.getMessage());
    }

    @Test
    void constructor_reconnectMaxBelowMin_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmscConfig.builder("vnpt")
                .reconnect(Duration.ofSeconds(5), Duration.ofSeconds(1)).build());

        assertTrue(e.getMessage().startsWith("smsc[vnpt].reconnectMax"), e.getMessage());
    }

    @Test
    void constructor_zeroCommitTimeout_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmscConfig.builder("vnpt").commitTimeout(Duration.ZERO).build());

        assertTrue(e.getMessage().startsWith("smsc[vnpt].commitTimeout"), e.getMessage());
    }

    @Test
    void toString_any_hidesThePassword() {
        SmscConfig config = SmscConfig.builder("vnpt").credentials("smsgw", "s3cret").build();

        assertFalse(config.toString().contains("s3cret"));
        assertEquals(config, config.toBuilder().build());
    }
}
