package vn.smsgw.dispatch.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.JdbcTx;

/**
 * The {@link OutboundQueueContract} plus what the JDBC adapter adds on every database: the recovery of the claims of
 * a dead owner, settled by receipts that matched no part or handed back to the queue.
 */
abstract class JdbcOutboundQueueContract extends OutboundQueueContract {
    static final String DEAD = "sim/trx-0@1-ab";
    static final String SUBSCRIBER = "84912345678";
    static final String SENDER = "BoCongAn";
    static final String ONE_PART = "Canh bao lua dao";
    /** 180 GSM-7 characters: 2 parts. */
    static final String TWO_PARTS = "Canh bao lua dao. ".repeat(10);
    /** 324 GSM-7 characters: 3 parts. */
    static final String THREE_PARTS = "Canh bao lua dao. ".repeat(18);

    JdbcOutboundQueue jdbc() {
        return (JdbcOutboundQueue) queue;
    }

    void enqueueCampaign(String kind, String... bodies) {
        fx.transactions().inTransaction(tx -> {
            for (String body : bodies) {
                fx.outbox().enqueue(tx, List.of(new OutboundSms(Lane.CAMPAIGN, SUBSCRIBER, SENDER, body, kind,
                        "campaign-1", clock.instant())));
            }
            return null;
        });
    }

    /** Queues one campaign message, has the dead owner claim it and lets 200 ms pass; returns its id. */
    long claimedByDeadOwner(String body) {
        return claimedByDeadOwner("CAMPAIGN", body).get(0);
    }

    List<Long> claimedByDeadOwner(String kind, String... bodies) {
        enqueueCampaign(kind, bodies);
        List<Long> ids = queue.claim(Lane.CAMPAIGN, 10, DEAD, LEASE).stream().map(QueuedSms::id).toList();
        assertEquals(bodies.length, ids.size());
        clock.advance(Duration.ofMillis(200));
        return ids;
    }

    /** A receipt from the SMSC for the subscriber and sender that matches no part, so it is parked. */
    void parked(String key, OutboundState state, String sender) {
        assertTrue(queue.applyReceipts(List.of(new ReceiptUpdate(key, state, state == OutboundState.DELIVERED
                ? "000" : "", clock.instant(), SUBSCRIBER, sender))).get(0).isEmpty(), "the receipt matched a part");
        clock.advance(Duration.ofMillis(10));
    }

    void parked(String key, OutboundState state) {
        parked(key, state, SENDER);
    }

    boolean claimable() {
        return !queue.claim(Lane.CAMPAIGN, 10, "new", LEASE).isEmpty();
    }

    @Test
    void applyReceipts_parkingAgainLater_dropsTheReceiptsKeptLongerThanTheirTtl() {
        parked("aaaa", OutboundState.DELIVERED);
        clock.advance(PartTable.EARLY_RECEIPT_TTL.plusSeconds(1));

        queue.applyReceipts(List.of(new ReceiptUpdate("bbbb", OutboundState.DELIVERED, "000", clock.instant()),
                new ReceiptUpdate("cccc", OutboundState.DELIVERED, "000", clock.instant())));

        assertEquals(List.of("bbbb", "cccc"), parkedKeys());
    }

    private List<String> parkedKeys() {
        return fx.transactions().inTransaction(tx -> {
            List<String> keys = new ArrayList<>();
            try (var st = JdbcTx.of(tx).connection().createStatement();
                 var rs = st.executeQuery("SELECT match_key FROM outbound_early_receipt ORDER BY match_key")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }

    @Test
    void settleInDoubt_onePartWithItsReceipt_settlesItDeliveredWithoutResending() {
        long id = claimedByDeadOwner(ONE_PART);
        parked("5f3a", OutboundState.DELIVERED);

        assertEquals(1, jdbc().settleInDoubt(DEAD));
        OutboundStatus s = status(id);
        assertEquals(OutboundState.DELIVERED, s.state());
        assertEquals("5f3a", s.parts().get(0).smscMessageId());
        assertEquals(0, jdbc().expireClaims(DEAD));
        assertFalse(claimable());
    }

    @Test
    void settleInDoubt_receiptFromAnotherSender_isNotUsed() {
        claimedByDeadOwner(ONE_PART);
        parked("5f3a", OutboundState.DELIVERED, "5656");

        assertEquals(0, jdbc().settleInDoubt(DEAD));
    }

    @Test
    void settleInDoubt_receiptBeforeTheClaim_isNotUsed() {
        parked("5f3a", OutboundState.DELIVERED);
        clock.advance(Duration.ofSeconds(1));
        claimedByDeadOwner(ONE_PART);

        assertEquals(0, jdbc().settleInDoubt(DEAD));
    }

    @Test
    void expireClaims_noReceipt_claimableAtOnceWithTheAttemptCounted() {
        claimedByDeadOwner(ONE_PART);
        assertEquals(0, jdbc().settleInDoubt(DEAD));
        assertEquals(1, jdbc().expireClaims(DEAD));

        List<QueuedSms> again = queue.claim(Lane.CAMPAIGN, 10, "new", LEASE);
        assertEquals(1, again.size());
        assertEquals(2, again.get(0).attempts());
    }

    @Test
    void holdClaims_deadOwner_keepsThemFromClaimsUntilTheHoldEnds() {
        claimedByDeadOwner(ONE_PART);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, jdbc().holdClaims(DEAD, Duration.ofSeconds(10)));

        assertFalse(claimable());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(claimable());
    }

    @Test
    void settleInDoubt_everyPartReceipted_settlesItDeliveredWithoutResending() {
        long id = claimedByDeadOwner(THREE_PARTS);
        parked("5f3a", OutboundState.DELIVERED);
        parked("5f3b", OutboundState.DELIVERED);
        parked("5f3c", OutboundState.DELIVERED);

        assertEquals(1, jdbc().settleInDoubt(DEAD));
        OutboundStatus s = status(id);
        assertEquals(OutboundState.DELIVERED, s.state());
        assertEquals(List.of("5f3a", "5f3b", "5f3c"),
                s.parts().stream().map(OutboundStatus.PartStatus::smscMessageId).toList());
        assertEquals(0, jdbc().expireClaims(DEAD));
        assertFalse(claimable());
    }

    @Test
    void settleInDoubt_claimRenewedAfterAPartWasReceipted_stillTakesThatReceipt() {
        long id = claimedByDeadOwner(THREE_PARTS);
        parked("5f3a", OutboundState.DELIVERED); // its first part went out and was receipted
        clock.advance(Duration.ofSeconds(30));
        assertEquals(java.util.Set.of(id), queue.renew(List.of(id), DEAD, LEASE), "renewed for the rest, then it died");
        clock.advance(Duration.ofSeconds(1));

        assertEquals(1, jdbc().settleInDoubt(DEAD));
        OutboundStatus s = status(id);
        assertEquals(OutboundState.UNKNOWN, s.state(), "not submitted again whole");
        assertEquals("in doubt: 1 of 3 parts receipted", s.error());
    }

    @Test
    void settleInDoubt_somePartsReceipted_leavesItUnknownAndNeverResends() {
        long id = claimedByDeadOwner(THREE_PARTS);
        parked("5f3a", OutboundState.DELIVERED);

        assertEquals(1, jdbc().settleInDoubt(DEAD));
        OutboundStatus s = status(id);
        assertEquals(OutboundState.UNKNOWN, s.state());
        assertEquals("in doubt: 1 of 3 parts receipted", s.error());
        assertEquals(List.of(new OutboundStatus.PartStatus(1, "5f3a", OutboundState.DELIVERED)), s.parts());
        assertEquals(0, jdbc().expireClaims(DEAD));
        clock.advance(LEASE.multipliedBy(10));
        assertFalse(claimable());
    }

    @Test
    void settleInDoubt_everyPartEnRoute_settlesItSubmittedAndItsFinalReceiptsDeliverIt() {
        long id = claimedByDeadOwner(TWO_PARTS);
        parked("5f3a", OutboundState.SUBMITTED);
        parked("5f3b", OutboundState.SUBMITTED);

        assertEquals(1, jdbc().settleInDoubt(DEAD));
        assertEquals(OutboundState.SUBMITTED, status(id).state());
        assertEquals(OptionalLong.of(id), receipt("5f3a", OutboundState.DELIVERED, "000"));
        assertEquals(OptionalLong.of(id), receipt("5f3b", OutboundState.DELIVERED, "000"));
        assertEquals(OutboundState.DELIVERED, status(id).state());
    }

    @Test
    void settleInDoubt_somePartsReceiptedOneUndeliverable_failsIt() {
        long id = claimedByDeadOwner(THREE_PARTS);
        parked("5f3a", OutboundState.DELIVERED);
        parked("5f3b", OutboundState.UNDELIVERABLE);

        assertEquals(1, jdbc().settleInDoubt(DEAD));
        assertEquals(OutboundState.UNDELIVERABLE, status(id).state());
    }

    @Test
    void settleInDoubt_moreReceiptsThanParts_handsItBackToBeSubmittedAgain() {
        claimedByDeadOwner(TWO_PARTS);
        parked("5f3a", OutboundState.DELIVERED);
        parked("5f3b", OutboundState.DELIVERED);
        parked("5f3c", OutboundState.DELIVERED);

        assertEquals(0, jdbc().settleInDoubt(DEAD));
        assertEquals(1, jdbc().expireClaims(DEAD));
    }

    @Test
    void settleInDoubt_twoMessagesForTheSameSubscriberAndSender_handsBothBack() {
        claimedByDeadOwner("CAMPAIGN", TWO_PARTS, THREE_PARTS);
        parked("5f3a", OutboundState.DELIVERED);
        parked("5f3b", OutboundState.DELIVERED);

        assertEquals(0, jdbc().settleInDoubt(DEAD));
        assertEquals(2, jdbc().expireClaims(DEAD));
    }

    @Test
    void settleInDoubt_ucs2Kind_countsTheUcs2Parts() {
        long id = claimedByDeadOwner("CAMPAIGN" + QueuedSms.UCS2_KIND_SUFFIX, "Canh bao lua dao. ".repeat(5))
                .get(0);
        parked("5f3a", OutboundState.DELIVERED);
        parked("5f3b", OutboundState.DELIVERED);

        assertEquals(1, jdbc().settleInDoubt(DEAD));
        assertEquals(OutboundState.DELIVERED, status(id).state());
    }
}
