package vn.smsgw.dispatch.outbound;

import vn.smsgw.dispatch.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

/** The claims of a dead owner on SQLite: settled by a parked receipt, or handed back to the queue. */
class SqliteInDoubtClaimsTest {
    static final String SUBSCRIBER = "84912345678";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T03:00:00Z"));
    Database db;
    JdbcOutboundQueue queue;
    long id;

    @BeforeEach
    void claimOneAsDeadOwner() {
        db = TestServices.sqlite(dir);
        queue = new JdbcOutboundQueue(db, clock);
        db.inTransaction(tx -> {
            new JdbcOutbox().enqueue(tx, List.of(new OutboundSms(Lane.CAMPAIGN, SUBSCRIBER, "BoCongAn",
                    "Canh bao lua dao", "CAMPAIGN", "campaign-1", clock.instant())));
            return null;
        });
        id = queue.claim(Lane.CAMPAIGN, 10, "sim/trx-0@1-ab", Duration.ofMinutes(1)).get(0).id();
        clock.advance(Duration.ofMillis(200));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void receipt(String subscriber, String sender) {
        assertTrue(queue.applyReceipts(List.of(new ReceiptUpdate("5f3a", OutboundState.DELIVERED, "000",
                clock.instant(), subscriber, sender))).get(0).isEmpty(), "the receipt matched a part");
    }

    @Test
    void settleInDoubt_parkedReceiptForDestinationAndSender_settlesFromItWithoutResending() {
        receipt(SUBSCRIBER, "BoCongAn");

        assertEquals(1, queue.settleInDoubt("sim/trx-0@1-ab"));
        OutboundStatus s = queue.status(id).orElseThrow();
        assertEquals(OutboundState.DELIVERED, s.state());
        assertEquals("5f3a", s.parts().get(0).smscMessageId());
        assertEquals(0, queue.expireClaims("sim/trx-0@1-ab"));
        assertTrue(queue.claim(Lane.CAMPAIGN, 10, "new", Duration.ofMinutes(1)).isEmpty());
    }

    @Test
    void settleInDoubt_receiptFromAnotherSender_isNotUsed() {
        receipt(SUBSCRIBER, "5656");

        assertEquals(0, queue.settleInDoubt("sim/trx-0@1-ab"));
    }

    @Test
    void expireClaims_noReceipt_claimableAtOnceWithTheAttemptCounted() {
        assertEquals(0, queue.settleInDoubt("sim/trx-0@1-ab"));
        assertEquals(1, queue.expireClaims("sim/trx-0@1-ab"));

        List<QueuedSms> again = queue.claim(Lane.CAMPAIGN, 10, "new", Duration.ofMinutes(1));
        assertEquals(1, again.size());
        assertEquals(2, again.get(0).attempts());
    }

    @Test
    void holdClaims_deadOwner_keepsThemFromClaimsUntilTheHoldEnds() {
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, queue.holdClaims("sim/trx-0@1-ab", Duration.ofSeconds(10)));

        assertTrue(queue.claim(Lane.CAMPAIGN, 10, "new", Duration.ofMinutes(1)).isEmpty());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, queue.claim(Lane.CAMPAIGN, 10, "new", Duration.ofMinutes(1)).size());
    }
}
