package vn.smsgw.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboundBenchSettingsTest {

    private static InboundBench.Settings warmup(int percent) {
        return new InboundBench.Settings(1_000, 100, Duration.ofSeconds(10), "sqlite", 2, 64, 50, 1_000_000, 1, null,
                percent, 300);
    }

    @Test
    void warmShare_isThePercentOfTheCount() {
        assertEquals(0.5, warmup(50).warmShare(), 1e-9);
        assertEquals(0.0, warmup(0).warmShare(), 1e-9);
    }

    @Test
    void warmup_outsideZeroToNinety_isRefusedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> warmup(91));
        assertTrue(e.getMessage().contains("--warmup-percent"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> warmup(-1));
    }

    @Test
    void table_namesTheWarmUpShareAndTheReceiptWindow() {
        String header = InboundBench.table(warmup(50));
        assertTrue(header.contains("first 50 % warm-up"), header);
        assertTrue(header.contains("receipt window 300"), header);
        assertTrue(header.contains("receipts/s"), header);
    }

    @Test
    void dlrWindow_belowOne_isRefusedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InboundBench.Settings(
                1_000, 100, Duration.ofSeconds(10), "sqlite", 2, 64, 50, 1_000_000, 1, null, 10, 0));
        assertTrue(e.getMessage().contains("--dlr-window"), e.getMessage());
    }
}
