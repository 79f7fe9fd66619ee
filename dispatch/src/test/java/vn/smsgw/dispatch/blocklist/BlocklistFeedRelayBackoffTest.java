package vn.smsgw.dispatch.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlocklistFeedRelayBackoffTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void backoff_doublesTheIntervalAfterEachFailedRoundUpToAMinute() {
        assertEquals(SECOND, BlocklistFeedRelay.backoffNanos(SECOND, 1));
        assertEquals(2 * SECOND, BlocklistFeedRelay.backoffNanos(SECOND, 2));
        assertEquals(32 * SECOND, BlocklistFeedRelay.backoffNanos(SECOND, 6));
        assertEquals(60 * SECOND, BlocklistFeedRelay.backoffNanos(SECOND, 7));
        assertEquals(60 * SECOND, BlocklistFeedRelay.backoffNanos(SECOND, Long.MAX_VALUE));
    }
}
