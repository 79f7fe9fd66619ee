package vn.smsgw.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.outbound.JdbcOutbox;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundSms;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;

/** The recovery of a dead submitter's claims on the embedded store, timed by the configured hold. */
class DeadClaimsTest {
    /** An owner name whose process id cannot be running (above any pid_max). */
    static final String DEAD_OWNER = "sim/trx-0@999999999-ab";

    @TempDir
    Path dir;

    final FakeTime time = new FakeTime();
    final AtomicBoolean bound = new AtomicBoolean();
    /** SMSCs with a bind up, when a test says which; otherwise {@link #bound} speaks for every SMSC. */
    final Set<String> boundSmscs = ConcurrentHashMap.newKeySet();
    Database db;
    JdbcOutboundQueue queue;

    @BeforeEach
    void claimOneAsDeadOwner() {
        db = Database.open(DatabaseConfig.sqlite(dir));
        queue = new JdbcOutboundQueue(db, time);
        db.inTransaction(tx -> {
            new JdbcOutbox().enqueue(tx, List.of(new OutboundSms(Lane.CAMPAIGN, "84912345678", "BoCongAn",
                    "Canh bao lua dao", "CAMPAIGN", "campaign-1", time.instant())));
            return null;
        });
        assertEquals(1, queue.claim(Lane.CAMPAIGN, 10, DEAD_OWNER, Duration.ofSeconds(60)).size());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DeadClaims recovery(Duration hold) {
        return DeadClaims.holdDeadClaims(queue, smsc -> bound.get() || boundSmscs.contains(smsc), hold,
                time::nanos);
    }

    private boolean claimable() {
        return !queue.claim(Lane.CAMPAIGN, 10, "live", Duration.ofSeconds(60)).isEmpty();
    }

    @Test
    void step_configuredHoldNotYetOver_keepsTheClaimsHeld() {
        DeadClaims d = recovery(Duration.ofSeconds(30));
        assertEquals(List.of(DEAD_OWNER), d.deadOwners());
        bound.set(true);
        assertFalse(d.step());
        time.advance(Duration.ofSeconds(29));

        assertFalse(d.step());
        assertFalse(claimable(), "handed back before the hold was over");
    }

    @Test
    void step_configuredHoldOver_handsTheClaimsBack() {
        DeadClaims d = recovery(Duration.ofSeconds(30));
        bound.set(true);
        d.step();
        time.advance(Duration.ofSeconds(30));

        assertTrue(d.step());
        assertTrue(claimable());
    }

    @Test
    void step_zeroHold_handsTheClaimsBackAtTheFirstBind() {
        DeadClaims d = recovery(Duration.ZERO);
        assertFalse(d.step(), "no bind yet");
        bound.set(true);

        assertTrue(d.step());
        assertTrue(claimable());
    }

    @Test
    void step_bindLaterThanTheLease_holdCountsFromTheBind() {
        DeadClaims d = recovery(Duration.ofSeconds(20));
        time.advance(DeadClaims.LONGEST.plusSeconds(30));
        assertFalse(d.step());
        bound.set(true);
        assertFalse(d.step());
        time.advance(Duration.ofSeconds(19));

        assertFalse(d.step());
        assertFalse(claimable(), "handed back before the hold after the bind was over");
    }

    @Test
    void step_noBindForLongerThanTheLease_keepsTheClaimsHeld() {
        DeadClaims d = recovery(Duration.ofSeconds(20));
        for (int i = 0; i < 6; i++) { // three minutes without a bind, checked every 10 s (the gateway: every 100 ms)
            time.advance(Duration.ofSeconds(10));
            assertFalse(d.step());
        }
        time.advance(Duration.ofSeconds(10));
        assertFalse(claimable(), "the leases must not run out while the SMSC is not bound: sent again unreceipted");
        for (int i = 0; i < 12; i++) {
            time.advance(Duration.ofSeconds(10));
            assertFalse(d.step());
        }

        assertFalse(claimable());
        bound.set(true);
        assertFalse(d.step());
        time.advance(Duration.ofSeconds(20));
        assertTrue(d.step());
        assertTrue(claimable());
    }

    @Test
    void step_onlyAnotherSmscBound_waitsForTheOwnersOwn() {
        DeadClaims d = recovery(Duration.ofSeconds(10));
        boundSmscs.add("other");
        assertFalse(d.step());
        time.advance(Duration.ofSeconds(10));

        assertFalse(d.step(), "the receipts of sim's submits come from sim");
        assertFalse(claimable());
        boundSmscs.add("sim");
        assertFalse(d.step());
        time.advance(Duration.ofSeconds(10));
        assertTrue(d.step());
        assertTrue(claimable());
    }

    @Test
    void smscOf_ownerName_isTheSmscBeforeTheBind() {
        assertEquals("sim", DeadClaims.smscOf(DEAD_OWNER));
        assertEquals("vnpt-hn", DeadClaims.smscOf("vnpt-hn/tx-3@42-ff"));
    }

    @Test
    void holdDeadClaims_liveOwner_leavesItsClaimsToTheLease() {
        db.inTransaction(tx -> {
            new JdbcOutbox().enqueue(tx, List.of(new OutboundSms(Lane.CAMPAIGN, "84912345679", "BoCongAn",
                    "Canh bao lua dao", "CAMPAIGN", "campaign-1", time.instant())));
            return null;
        });
        String live = "sim/trx-1@" + ProcessHandle.current().parent().orElseThrow().pid() + "-cd";
        queue.claim(Lane.CAMPAIGN, 10, live, Duration.ofSeconds(60));

        assertEquals(List.of(DEAD_OWNER), recovery(Duration.ofSeconds(10)).deadOwners());
    }

    /** One fake time for the queue's clock and the recovery's nano ticker; stands still until advanced. */
    static final class FakeTime extends Clock {
        private static final Instant START = Instant.parse("2026-03-01T03:00:00Z");
        private final AtomicLong nanos = new AtomicLong();

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }

        long nanos() {
            return nanos.get();
        }

        @Override
        public Instant instant() {
            return START.plusNanos(nanos.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
