package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bind's pace against a fake ticker: one slow-down per throttle episode. */
class BindPaceTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(10_000 * MS);
    private final BindPace pace = new BindPace(SubmitterConfig.defaults().withWindowAndTps(10, 100)
            .withThrottleBackoff(Duration.ofMillis(200), Duration.ofSeconds(5)), now::get);

    @Test
    void throttled_wholeWindowSentAtOnePaceThrottled_slowsDownOnce() {
        long sentAfter = pace.slowDowns();
        long firstPause = pace.throttled(sentAfter);
        for (int i = 1; i < 10; i++) {
            assertEquals(0, pace.throttled(sentAfter), "answer " + (i + 1) + " of the same episode");
        }
        assertEquals(200 * MS, firstPause);
        assertEquals(50.0, pace.rate(), "halved once, not 2^10 times");
        assertEquals(200 * MS, pace.pauseLeft(), "the first pause, not the longest");
    }

    @Test
    void throttled_submitSentAfterTheSlowDown_startsTheNextEpisodeWithTheDoubledPause() {
        pace.throttled(pace.slowDowns());
        now.addAndGet(200 * MS);
        long sentAfter = pace.slowDowns();

        assertEquals(400 * MS, pace.throttled(sentAfter));
        assertEquals(25.0, pace.rate());
    }

    @Test
    void accepted_submitSentBeforeTheSlowDown_neitherClimbsBackNorResetsTheBackoff() {
        long before = pace.slowDowns();
        pace.throttled(before);
        pace.accepted(before);
        assertEquals(50.0, pace.rate());

        now.addAndGet(200 * MS);
        assertEquals(400 * MS, pace.throttled(pace.slowDowns()), "the pause doubles: still throttled");
    }

    @Test
    void accepted_submitSentAtTheCurrentPace_climbsBackAndResetsTheBackoff() {
        pace.throttled(pace.slowDowns());
        now.addAndGet(200 * MS);
        pace.accepted(pace.slowDowns());
        assertEquals(55.0, pace.rate());

        assertEquals(200 * MS, pace.throttled(pace.slowDowns()), "the next episode starts from the first pause");
    }
}
