package vn.smsgw.dispatch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendingWindowTest {
    private final SendingWindow w = SendingWindow.standard();

    @Test
    void isOpen_at0659And2100HoChiMinh_isClosed() {
        assertFalse(w.isOpen(Instant.parse("2025-03-01T23:59:00Z")));
        assertTrue(w.isOpen(Instant.parse("2025-03-02T00:00:00Z")));
        assertFalse(w.isOpen(Instant.parse("2025-03-02T14:00:00Z")));
    }

    @Test
    void nextOpen_atNight_isSevenNextMorning() {
        assertEquals(Instant.parse("2025-03-02T00:00:00Z"), w.nextOpen(Instant.parse("2025-03-01T15:30:00Z")));
    }

    @Test
    void finish_moreThanOneDaysWindow_continuesNextMorning() {
        Instant start = Instant.parse("2025-03-02T12:00:00Z"); // 19:00 local
        assertEquals(Instant.parse("2025-03-03T01:00:00Z"), w.finish(start, Duration.ofHours(3)));
    }

    @Test
    void parse_overMidnight_isOpenAtNight() {
        SendingWindow night = SendingWindow.parse("22:00-06:00");
        assertTrue(night.isOpen(Instant.parse("2025-03-01T16:00:00Z")));
        assertFalse(night.isOpen(Instant.parse("2025-03-01T05:00:00Z")));
        assertEquals(Duration.ofHours(8), night.daily());
    }
}
