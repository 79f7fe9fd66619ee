package vn.smsgw.dispatch.campaign;

import vn.smsgw.dispatch.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-02T01:00:00Z"));

    @Test
    void plan_tenPerSecondOneSecondAhead_handsOutTenSlots100msApart() {
        Throttle t = new Throttle(clock, 10);
        long now = Throttle.micros(clock.instant());
        Throttle.Plan p = t.plan(now, clock.instant().plusSeconds(1), 1000);
        assertEquals(10, p.count());
        assertEquals(now + 100_000, p.slot(1));
        assertEquals(now + 1_000_000, p.next());
    }

    @Test
    void plan_afterIdleSpell_startsAtNowWithoutBurst() {
        Throttle t = new Throttle(clock, 10);
        long old = Throttle.micros(clock.instant());
        clock.advance(Duration.ofMinutes(5));
        Throttle.Plan p = t.plan(old, clock.instant().plusSeconds(1), 1000);
        assertEquals(10, p.count());
        assertEquals(Throttle.micros(clock.instant()), p.firstMicros());
    }

    @Test
    void plan_nextSlotBeyondHorizon_handsOutNothing() {
        Throttle t = new Throttle(clock, 10);
        long later = Throttle.micros(clock.instant().plusSeconds(2));
        assertEquals(0, t.plan(later, clock.instant().plusSeconds(1), 1000).count());
    }
}
