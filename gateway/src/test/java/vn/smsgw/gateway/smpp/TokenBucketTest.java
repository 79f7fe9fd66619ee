package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(5_000 * MS);

    private TokenBucket bucket(double rate, int burst) {
        return new TokenBucket(rate, burst, now::get);
    }

    private int takeAll(TokenBucket bucket) {
        int taken = 0;
        while (bucket.tryAcquire() == 0) {
            taken++;
        }
        return taken;
    }

    @Test
    void tryAcquire_fullBucket_givesTheBurstAtOnce() {
        assertEquals(10, takeAll(bucket(100, 10)));
    }

    @Test
    void tryAcquire_emptyBucket_saysHowLongUntilTheNextToken() {
        TokenBucket bucket = bucket(100, 1);
        takeAll(bucket);
        assertEquals(10 * MS, bucket.tryAcquire());
        now.addAndGet(4 * MS);
        assertEquals(6 * MS, bucket.tryAcquire());
    }

    @Test
    void tryAcquire_overOneSecond_givesTheRate() {
        TokenBucket bucket = bucket(100, 5);
        takeAll(bucket);
        int taken = 0;
        for (int i = 0; i < 1_000; i++) {
            now.addAndGet(MS);
            taken += takeAll(bucket);
        }
        assertEquals(100, taken);
    }

    @Test
    void tryAcquire_longIdle_storesNoMoreThanTheBurst() {
        TokenBucket bucket = bucket(100, 5);
        takeAll(bucket);
        now.addAndGet(60_000 * MS);
        assertEquals(5, takeAll(bucket));
    }

    @Test
    void slowDown_halvesTheRateAndSendsNothingDuringThePause() {
        TokenBucket bucket = bucket(100, 5);
        bucket.slowDown(200 * MS);
        assertEquals(50.0, bucket.rate());
        assertEquals(0, takeAll(bucket));
        now.addAndGet(199 * MS);
        assertEquals(0, takeAll(bucket));
        now.addAndGet(21 * MS);
        assertEquals(1, takeAll(bucket));
    }

    @Test
    void slowDown_manyTimes_neverGoesUnderOnePerSecond() {
        TokenBucket bucket = bucket(100, 5);
        for (int i = 0; i < 20; i++) {
            bucket.slowDown(0);
        }
        assertEquals(1.0, bucket.rate());
    }

    @Test
    void speedUp_afterSlowDown_climbsBackToTheConfiguredRateOnly() {
        TokenBucket bucket = bucket(100, 5);
        bucket.slowDown(0);
        bucket.speedUp();
        assertEquals(55.0, bucket.rate());
        for (int i = 0; i < 20; i++) {
            bucket.speedUp();
        }
        assertEquals(100.0, bucket.rate());
    }

    @Test
    void constructor_zeroRate_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> bucket(0, 1));
    }

    @Test
    void constructor_zeroBurst_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> bucket(10, 0));
    }
}
