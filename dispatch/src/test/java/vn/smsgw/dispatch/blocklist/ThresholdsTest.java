package vn.smsgw.dispatch.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.report.Command;

class ThresholdsTest {

    @Test
    void defaults_perCommand_matchThePublishedPolicy() {
        Thresholds t = Thresholds.defaults();

        assertEquals(new Threshold(3, Duration.ofDays(7)), t.of(Command.LD));
        assertEquals(new Threshold(5, Duration.ofDays(10)), t.of(Command.V));
        assertEquals(new Threshold(5, Duration.ofDays(10)), t.of(Command.S));
    }

    @Test
    void windowText_inTheLargestWholeUnit_noWindowShorterThanADayReadAsZeroDays() {
        assertEquals("7d", Threshold.of(3, 7).windowText());
        assertEquals("12h", new Threshold(5, Duration.ofHours(12)).windowText());
        assertEquals("36h", new Threshold(5, Duration.ofHours(36)).windowText());
        assertEquals("90m", new Threshold(5, Duration.ofMinutes(90)).windowText());
        assertEquals("45s", new Threshold(5, Duration.ofSeconds(45)).windowText());
        assertEquals("1500ms", new Threshold(5, Duration.ofMillis(1500)).windowText());
    }

    @Test
    void new_missingCommand_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Thresholds(Map.of(Command.S, Threshold.of(5, 10), Command.V, Threshold.of(5, 10))));
    }

    @Test
    void new_zeroReporters_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Threshold(0, Duration.ofDays(1)));
    }

    @Test
    void new_zeroWindow_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Threshold(3, Duration.ZERO));
    }

    @Test
    void with_oneCommand_keepsTheOthers() {
        Thresholds t = Thresholds.defaults().with(Command.S, Threshold.of(2, 1));

        assertEquals(Threshold.of(2, 1), t.of(Command.S));
        assertEquals(Threshold.of(3, 7), t.of(Command.LD));
    }
}
