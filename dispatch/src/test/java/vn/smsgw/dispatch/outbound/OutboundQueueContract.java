package vn.smsgw.dispatch.outbound;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.Transactions;

/** The behaviour every {@link OutboundQueue} adapter, filled through its {@link Outbox}, must show. */
abstract class OutboundQueueContract {
    static final Duration LEASE = Duration.ofSeconds(60);
    static final String OWNER = "smsc-a#1";

    /** An adapter under test: the queue, the outbox that fills it and the transactions the outbox writes in. */
    record Fixture(OutboundQueue queue, Outbox outbox, Transactions transactions, AutoCloseable resources) {
    }

    /** A new, empty queue reading time from {@code clock}. */
    abstract Fixture open(MutableClock clock) throws Exception;

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T03:00:00Z"));
    Fixture fx;
    OutboundQueue queue;

    @BeforeEach
    void openFixture() throws Exception {
        fx = open(clock);
        queue = fx.queue();
    }

    @AfterEach
    void closeFixture() throws Exception {
        fx.resources().close();
    }

    void enqueue(Lane lane, String... bodies) {
        List<OutboundSms> messages = new ArrayList<>();
        for (String body : bodies) {
            messages.add(new OutboundSms(lane, "84912345678", "5656", body, "ACK", "C-" + body, clock.instant()));
        }
        fx.transactions().inTransaction(tx -> {
            fx.outbox().enqueue(tx, messages);
            return null;
        });
    }

    List<QueuedSms> claim(Lane lane, int max) {
        return queue.claim(lane, max, OWNER, LEASE);
    }

    void settle(long id, SubmitOutcome outcome) {
        assertEquals(1, queue.settle(List.of(new Settlement(id, OWNER, outcome))));
    }

    OutboundStatus status(long id) {
        return queue.status(id).orElseThrow();
    }

    static List<String> bodies(List<QueuedSms> claimed) {
        return claimed.stream().map(QueuedSms::body).toList();
    }

    static PartId part(int part, String id, String... otherKeys) {
        List<String> keys = new ArrayList<>();
        keys.add(id);
        keys.addAll(List.of(otherKeys));
        return new PartId(part, id, keys);
    }

    static SubmitOutcome submitted(PartId... parts) {
        return new SubmitOutcome.Submitted(List.of(parts));
    }

    OptionalLong receipt(String key, OutboundState state, String error) {
        return queue.applyReceipts(List.of(new ReceiptUpdate(key, state, error, clock.instant()))).get(0);
    }

    /** Claims the single message queued and submits it with these parts; returns its id. */
    long submittedMessage(String body, PartId... parts) {
        enqueue(Lane.REPLY, body);
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, submitted(parts));
        return id;
    }

    @Test
    void claim_dueMessages_returnsThemInIdOrderWithAttemptCounted() {
        enqueue(Lane.REPLY, "a", "b");
        enqueue(Lane.REPLY, "c");
        List<QueuedSms> claimed = claim(Lane.REPLY, 10);
        assertEquals(List.of("a", "b", "c"), bodies(claimed));
        assertEquals(List.of(1, 1, 1), claimed.stream().map(QueuedSms::attempts).toList());
        assertEquals("C-a", claimed.get(0).caseId());
        assertEquals(OutboundState.CLAIMED, status(claimed.get(0).id()).state());
    }

    @Test
    void claim_eachMessage_carriesWhenItsLeaseRunsOut() {
        enqueue(Lane.REPLY, "a");
        long leaseUntil = clock.millis() + LEASE.toMillis();
        assertEquals(List.of(leaseUntil), claim(Lane.REPLY, 10).stream().map(QueuedSms::leaseUntil).toList());
        clock.advance(LEASE);
        QueuedSms again = queue.claim(Lane.REPLY, 10, "other", Duration.ofSeconds(5)).get(0);
        assertEquals(clock.millis() + 5_000, again.leaseUntil(), "the new owner's lease");
    }

    @Test
    void renew_heldByTheOwner_extendsTheLeaseSoNoOtherOwnerTakesItOver() {
        enqueue(Lane.REPLY, "a", "b");
        List<QueuedSms> claimed = claim(Lane.REPLY, 10);
        clock.advance(Duration.ofSeconds(50));
        assertEquals(java.util.Set.of(claimed.get(0).id()),
                queue.renew(List.of(claimed.get(0).id()), OWNER, LEASE));
        clock.advance(Duration.ofSeconds(10)); // the first lease's end
        assertEquals(List.of("b"), bodies(queue.claim(Lane.REPLY, 10, "other", LEASE)), "only the one not renewed");
        clock.advance(Duration.ofSeconds(50)); // the renewed lease's end
        assertEquals(List.of("a"), bodies(queue.claim(Lane.REPLY, 10, "other", LEASE)));
    }

    @Test
    void renew_takenOverOrSettled_isNotRenewed() {
        enqueue(Lane.REPLY, "a", "b");
        List<QueuedSms> claimed = claim(Lane.REPLY, 10);
        settle(claimed.get(1).id(), submitted(part(1, "m-1")));
        clock.advance(LEASE);
        assertEquals(List.of("a"), bodies(queue.claim(Lane.REPLY, 10, "other", LEASE)));
        assertEquals(java.util.Set.of(), queue.renew(List.of(claimed.get(0).id(), claimed.get(1).id()), OWNER,
                LEASE));
        assertEquals(java.util.Set.of(claimed.get(0).id()),
                queue.renew(List.of(claimed.get(0).id()), "other", LEASE), "its new owner may");
    }

    @Test
    void claim_backlogLargerThanMax_returnsTheOldest() {
        enqueue(Lane.REPLY, "a", "b", "c");
        assertEquals(List.of("a", "b"), bodies(claim(Lane.REPLY, 2)));
        assertEquals(List.of("c"), bodies(claim(Lane.REPLY, 2)));
    }

    @Test
    void claim_oneLane_leavesTheOtherLaneAlone() {
        enqueue(Lane.CAMPAIGN, "x");
        enqueue(Lane.REPLY, "a");
        assertEquals(List.of("a"), bodies(claim(Lane.REPLY, 10)));
        assertEquals(List.of("x"), bodies(claim(Lane.CAMPAIGN, 10)));
    }

    @Test
    void claim_notYetDue_waitsForNotBefore() {
        fx.transactions().inTransaction(tx -> {
            fx.outbox().enqueue(tx, List.of(new OutboundSms(Lane.REPLY, "84912345678", "5656", "later", "ACK", "",
                    clock.instant().plusSeconds(30))));
            return null;
        });
        assertEquals(List.of(), claim(Lane.REPLY, 10));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of("later"), bodies(claim(Lane.REPLY, 10)));
    }

    @Test
    void claim_claimedWithinLease_isNotHandedOutAgain() {
        enqueue(Lane.REPLY, "a");
        claim(Lane.REPLY, 10);
        clock.advance(LEASE.minusMillis(1));
        assertEquals(List.of(), queue.claim(Lane.REPLY, 10, "other", LEASE));
    }

    @Test
    void claim_leaseExpired_handsTheMessageToAnotherOwner() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 10).get(0).id();
        clock.advance(LEASE);
        List<QueuedSms> again = queue.claim(Lane.REPLY, 10, "other", LEASE);
        assertEquals(List.of(id), again.stream().map(QueuedSms::id).toList());
        assertEquals(2, again.get(0).attempts());
    }

    @Test
    void claim_expiredClaimAmongPending_returnsAllInIdOrder() {
        enqueue(Lane.CAMPAIGN, "a", "b");
        long first = claim(Lane.CAMPAIGN, 1).get(0).id();
        clock.advance(LEASE);
        enqueue(Lane.CAMPAIGN, "c");
        List<QueuedSms> claimed = queue.claim(Lane.CAMPAIGN, 2, "other", LEASE);
        assertEquals(List.of("a", "b"), bodies(claimed));
        assertEquals(first, claimed.get(0).id());
        assertEquals(List.of("c"), bodies(queue.claim(Lane.CAMPAIGN, 5, "other", LEASE)));
    }

    @Test
    void anyDue_followsWhatAClaimWouldFind() {
        assertFalse(queue.anyDue(Lane.REPLY));
        fx.transactions().inTransaction(tx -> {
            fx.outbox().enqueue(tx, List.of(new OutboundSms(Lane.REPLY, "84912345678", "5656", "later", "ACK", "",
                    clock.instant().plusSeconds(30))));
            return null;
        });
        assertFalse(queue.anyDue(Lane.REPLY), "not yet due");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(queue.anyDue(Lane.REPLY));
        assertFalse(queue.anyDue(Lane.CAMPAIGN), "the other lane");
        claim(Lane.REPLY, 10);
        assertFalse(queue.anyDue(Lane.REPLY), "claimed within its lease");
        clock.advance(LEASE);
        assertTrue(queue.anyDue(Lane.REPLY), "lease expired");
    }

    void enqueueFor(String smsc, String body) {
        fx.transactions().inTransaction(tx -> {
            fx.outbox().enqueue(tx, List.of(new OutboundSms(Lane.REPLY, "84912345678", "5656", body, "ACK", "",
                    clock.instant(), smsc)));
            return null;
        });
    }

    @Test
    void claim_scopedToAnSmsc_takesItsOwnAndAnySmscMessagesOnly() {
        enqueueFor("viettel", "v1");
        enqueueFor("vnpt", "n1");
        enqueueFor("", "any");
        enqueueFor("viettel", "v2");
        SmscScope vnpt = new SmscScope("vnpt", Duration.ofMinutes(10));
        SmscScope viettel = new SmscScope("viettel", Duration.ofMinutes(10));

        assertEquals(List.of("n1", "any"), bodies(queue.claim(Lane.REPLY, vnpt, 10, "vnpt#1", LEASE)));
        assertFalse(queue.anyDue(Lane.REPLY, vnpt), "the rest are viettel's");
        assertTrue(queue.anyDue(Lane.REPLY, viettel));
        assertEquals(List.of("v1", "v2"), bodies(queue.claim(Lane.REPLY, viettel, 10, "viettel#1", LEASE)));
    }

    @Test
    void claim_anotherSmscsMessage_isTakenOnceItWaitedTheFallback() {
        enqueueFor("viettel", "v1");
        SmscScope vnpt = new SmscScope("vnpt", Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertFalse(queue.anyDue(Lane.REPLY, vnpt));
        assertEquals(List.of(), queue.claim(Lane.REPLY, vnpt, 10, "vnpt#1", LEASE));
        clock.advance(Duration.ofMillis(1));
        assertTrue(queue.anyDue(Lane.REPLY, vnpt), "waited 10 minutes for its SMSC");
        assertEquals(List.of("v1"), bodies(queue.claim(Lane.REPLY, vnpt, 10, "vnpt#1", LEASE)));
    }

    @Test
    void claim_anyScope_takesEverySmscsMessages() {
        enqueueFor("viettel", "v1");
        enqueueFor("vnpt", "n1");
        assertTrue(queue.anyDue(Lane.REPLY));
        assertEquals(List.of("v1", "n1"), bodies(claim(Lane.REPLY, 10)));
    }

    @Test
    void claim_scopedExpiredLease_isHandedOnlyWithinScope() {
        enqueueFor("viettel", "v1");
        SmscScope viettel = new SmscScope("viettel", Duration.ofMinutes(10));
        SmscScope vnpt = new SmscScope("vnpt", Duration.ofMinutes(10));
        assertEquals(1, queue.claim(Lane.REPLY, viettel, 10, "viettel#1", LEASE).size());
        clock.advance(LEASE);
        assertFalse(queue.anyDue(Lane.REPLY, vnpt));
        assertEquals(List.of(), queue.claim(Lane.REPLY, vnpt, 10, "vnpt#1", LEASE));
        QueuedSms again = queue.claim(Lane.REPLY, viettel, 10, "viettel#2", LEASE).get(0);
        assertEquals(2, again.attempts());
    }

    @Test
    void settle_afterLeaseTakenOver_doesNotCount() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 10).get(0).id();
        clock.advance(LEASE);
        queue.claim(Lane.REPLY, 10, "other", LEASE);
        assertEquals(0, queue.settle(List.of(new Settlement(id, OWNER, submitted(part(1, "10000"))))));
        assertEquals(OutboundState.CLAIMED, status(id).state());
    }

    @Test
    void settle_ofAClaimWhoseLeaseRanOutAndTheSameOwnerClaimedAgain_leavesTheNewClaimAlone() {
        enqueue(Lane.REPLY, "a");
        QueuedSms stale = claim(Lane.REPLY, 10).get(0); // held past its lease, waiting its turn on a slow bind
        clock.advance(LEASE);
        QueuedSms fresh = claim(Lane.REPLY, 10).get(0);
        assertEquals(stale.id(), fresh.id());

        SubmitOutcome givenBack = new SubmitOutcome.RetryLater(clock.instant(), "given back", false);
        assertEquals(0, queue.settle(List.of(Settlement.of(stale, OWNER, givenBack))));
        assertEquals(OutboundState.CLAIMED, status(stale.id()).state(), "the second copy still holds the message");
        assertEquals(0, queue.settle(List.of(Settlement.of(stale, OWNER, submitted(part(1, "10000"))))));

        assertEquals(1, queue.settle(List.of(Settlement.of(stale, OWNER, givenBack),
                Settlement.of(fresh, OWNER, submitted(part(1, "10001"))))), "in one batch too");
        assertEquals(OutboundState.SUBMITTED, status(fresh.id()).state());
        assertEquals(List.of(), claim(Lane.REPLY, 10), "not handed out a third time");
    }

    @Test
    void settle_batchOfEveryOutcome_writesEachAndCountsThoseStillClaimed() {
        enqueue(Lane.REPLY, "a", "b", "c", "d");
        List<QueuedSms> mine = claim(Lane.REPLY, 4);
        enqueue(Lane.REPLY, "e");
        long theirs = queue.claim(Lane.REPLY, 1, "other", LEASE).get(0).id();
        long a = mine.get(0).id();
        long b = mine.get(1).id();
        long c = mine.get(2).id();
        long d = mine.get(3).id();

        assertEquals(4, queue.settle(List.of(
                new Settlement(a, OWNER, submitted(part(1, "5000a"), part(2, "5000b"))),
                new Settlement(b, OWNER, new SubmitOutcome.Unknown("no submit_sm_resp for part 2",
                        List.of(part(1, "5000c")))),
                new Settlement(theirs, OWNER, submitted(part(1, "5000d"))),
                new Settlement(c, OWNER, new SubmitOutcome.Failed("0x0000000B", List.of())),
                new Settlement(a, OWNER, new SubmitOutcome.Failed("0x00000045", List.of())),
                new Settlement(d, OWNER, new SubmitOutcome.RetryLater(clock.instant(), "not bound", false)))));

        assertEquals(OutboundState.SUBMITTED, status(a).state(), "the first of two outcomes for one message");
        assertEquals(List.of(new OutboundStatus.PartStatus(1, "5000a", OutboundState.SUBMITTED),
                new OutboundStatus.PartStatus(2, "5000b", OutboundState.SUBMITTED)), status(a).parts());
        assertEquals(OutboundState.UNKNOWN, status(b).state());
        assertEquals(List.of(new OutboundStatus.PartStatus(1, "5000c", OutboundState.SUBMITTED)), status(b).parts());
        assertEquals(OutboundState.CLAIMED, status(theirs).state(), "claimed by another owner: left as it is");
        assertEquals(List.of(), status(theirs).parts());
        assertEquals(OutboundState.FAILED, status(c).state());
        assertEquals("0x0000000B", status(c).error());
        assertEquals(List.of("d"), bodies(claim(Lane.REPLY, 10)));
        assertEquals(OptionalLong.of(a), receipt("5000b", OutboundState.DELIVERED, "000"));
    }

    @Test
    void settle_submitted_storesEveryPartId() {
        long id = submittedMessage("a", part(1, "1000a"), part(2, "1000b"));
        OutboundStatus s = status(id);
        assertEquals(OutboundState.SUBMITTED, s.state());
        assertEquals(List.of(new OutboundStatus.PartStatus(1, "1000a", OutboundState.SUBMITTED),
                new OutboundStatus.PartStatus(2, "1000b", OutboundState.SUBMITTED)), s.parts());
    }

    @Test
    void settle_submitted_isNotClaimedAgain() {
        submittedMessage("a", part(1, "1000a"));
        clock.advance(LEASE.multipliedBy(2));
        assertEquals(List.of(), claim(Lane.REPLY, 10));
    }

    @Test
    void settle_retryLaterWithoutAttempt_isClaimedFirstAgainWithItsAttemptsKept() {
        enqueue(Lane.REPLY, "a", "b", "c");
        List<QueuedSms> first = claim(Lane.REPLY, 1);
        settle(first.get(0).id(), new SubmitOutcome.RetryLater(clock.instant(), "not bound", false));
        List<QueuedSms> again = claim(Lane.REPLY, 2);
        assertEquals(List.of("a", "b"), bodies(again));
        assertEquals(1, again.get(0).attempts());
    }

    @Test
    void settle_retryLaterCountingAttempt_waitsUntilNotBefore() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, new SubmitOutcome.RetryLater(clock.instant().plusSeconds(5), "busy", true));
        assertEquals(List.of(), claim(Lane.REPLY, 1));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(2, claim(Lane.REPLY, 1).get(0).attempts());
    }

    @Test
    void settle_failed_keepsTheErrorCode() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, new SubmitOutcome.Failed("0x0000000B", List.of()));
        assertEquals(OutboundState.FAILED, status(id).state());
        assertEquals("0x0000000B", status(id).error());
    }

    @Test
    void settle_unknown_isNeverClaimedAgain() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, new SubmitOutcome.Unknown("no submit_sm_resp", List.of()));
        clock.advance(LEASE.multipliedBy(10));
        assertEquals(List.of(), claim(Lane.REPLY, 10));
        assertEquals(OutboundState.UNKNOWN, status(id).state());
    }

    @Test
    void applyReceipt_everyPartDelivered_deliversTheMessage() {
        long id = submittedMessage("a", part(1, "1000a"), part(2, "1000b"));
        assertEquals(OptionalLong.of(id), receipt("1000a", OutboundState.DELIVERED, "000"));
        assertEquals(OutboundState.SUBMITTED, status(id).state());
        receipt("1000b", OutboundState.DELIVERED, "000");
        assertEquals(OutboundState.DELIVERED, status(id).state());
    }

    @Test
    void applyReceipt_onePartUndeliverable_failsTheMessageWithTheError() {
        long id = submittedMessage("a", part(1, "1000a"), part(2, "1000b"));
        receipt("1000b", OutboundState.UNDELIVERABLE, "3/69");
        receipt("1000a", OutboundState.DELIVERED, "000");
        assertEquals(OutboundState.UNDELIVERABLE, status(id).state());
        assertEquals("3/69", status(id).error());
    }

    @Test
    void applyReceipt_onePartMessageDelivered_deliversItWithoutError() {
        long id = submittedMessage("a", part(1, "1000a"));
        receipt("1000a", OutboundState.DELIVERED, "000");
        assertEquals(OutboundState.DELIVERED, status(id).state());
        assertEquals("", status(id).error());
        assertEquals(OutboundState.DELIVERED, status(id).parts().get(0).state());
    }

    @Test
    void applyReceipt_onePartMessageExpired_failsItWithTheErrorOrTheStateName() {
        long withError = submittedMessage("a", part(1, "1000a"));
        long withoutError = submittedMessage("b", part(1, "1000b"));
        receipt("1000a", OutboundState.EXPIRED, "0/27");
        receipt("1000b", OutboundState.REJECTED, "");
        assertEquals(OutboundState.EXPIRED, status(withError).state());
        assertEquals("0/27", status(withError).error());
        assertEquals(OutboundState.REJECTED, status(withoutError).state());
        assertEquals("REJECTED", status(withoutError).error());
    }

    @Test
    void applyReceipt_repeated_keepsTheFirstFinalState() {
        long id = submittedMessage("a", part(1, "1000a"));
        receipt("1000a", OutboundState.DELIVERED, "000");
        receipt("1000a", OutboundState.UNDELIVERABLE, "1");
        receipt("1000a", OutboundState.DELIVERED, "000");
        assertEquals(OutboundState.DELIVERED, status(id).state());
        assertEquals(OutboundState.DELIVERED, status(id).parts().get(0).state());
    }

    @Test
    void applyReceipt_intermediate_keepsTheMessageSubmitted() {
        long id = submittedMessage("a", part(1, "1000a"));
        assertEquals(OptionalLong.of(id), receipt("1000a", OutboundState.SUBMITTED, ""));
        assertEquals(OutboundState.SUBMITTED, status(id).state());
    }

    @Test
    void applyReceipt_otherFormOfTheId_matchesByItsKey() {
        long id = submittedMessage("a", part(1, "3039", "12345"));
        receipt("12345", OutboundState.DELIVERED, "000");
        assertEquals(OutboundState.DELIVERED, status(id).state());
    }

    @Test
    void applyReceipt_keyOfTwoMessages_prefersTheExactId() {
        long hex = submittedMessage("a", part(1, "3039", "12345", "bdf"));
        long dec = submittedMessage("b", part(1, "12345", "74565", "3039"));
        assertEquals(OptionalLong.of(hex), receipt("3039", OutboundState.DELIVERED, ""));
        assertEquals(OptionalLong.of(dec), receipt("12345", OutboundState.DELIVERED, ""));
    }

    OptionalLong receiptFor(String subscriber, String key, OutboundState state) {
        return queue.applyReceipts(List.of(new ReceiptUpdate(key, state, "000", clock.instant(), subscriber, "5656")))
                .get(0);
    }

    /** Claims the single message queued, for {@code destination}, without settling it; returns its id. */
    long claimedFor(String destination, String body) {
        fx.transactions().inTransaction(tx -> {
            fx.outbox().enqueue(tx, List.of(new OutboundSms(Lane.REPLY, destination, "5656", body, "ACK", "C-" + body,
                    clock.instant())));
            return null;
        });
        return claim(Lane.REPLY, 1).get(0).id();
    }

    @Test
    void applyReceipt_otherReadingOfTheIdOfAPartAlreadyOver_isParkedForTheMessageWhoseIdItIs() {
        // "10000" read as hex is 65536: the old message owns key "65536" as well as its own id
        long old = submittedMessage("old", part(1, "10000", "65536", "2710"));
        receipt("10000", OutboundState.DELIVERED, "000");
        long id = claimedFor("84912345678", "new");

        assertTrue(receipt("65536", OutboundState.DELIVERED, "000").isEmpty(),
                "the receipt for id 65536, before its submission is settled, is parked, not taken by the old message");
        settle(id, submitted(part(1, "65536", "415030", "10000")));
        assertEquals(OutboundState.DELIVERED, status(id).state());
        assertEquals(OutboundState.DELIVERED, status(old).state());
    }

    @Test
    void applyReceipt_otherReadingOfTheIdOfAWaitingPartForAnotherSubscriber_isParked() {
        long old = submittedMessage("old", part(1, "10000", "65536", "2710"));
        long id = claimedFor("84987654321", "new");

        assertTrue(receiptFor("84987654321", "65536", OutboundState.DELIVERED).isEmpty());
        settle(id, submitted(part(1, "65536", "415030", "10000")));
        assertEquals(OutboundState.DELIVERED, status(id).state());
        assertEquals(OutboundState.SUBMITTED, status(old).state(), "still waiting for its own receipt");
    }

    @Test
    void applyReceipt_otherReadingOfTheIdOfAWaitingPartForItsSubscriber_matchesIt() {
        long id = submittedMessage("a", part(1, "3039", "12345"));
        assertEquals(OptionalLong.of(id), receiptFor("84912345678", "12345", OutboundState.DELIVERED));
        assertEquals(OutboundState.DELIVERED, status(id).state());
    }

    @Test
    void applyReceipt_otherReadingOfTheIdOfAWaitingPartForItsSubscriberWrittenNationally_matchesIt() {
        long id = submittedMessage("a", part(1, "3039", "12345"));
        assertEquals(OptionalLong.of(id), receiptFor("0912345678", "12345", OutboundState.DELIVERED));
    }

    @Test
    void applyReceipt_idOfTwoMessagesBothExact_matchesTheNewer() {
        long older = submittedMessage("a", part(1, "7777"));
        long newer = submittedMessage("b", part(1, "7777"));
        assertEquals(OptionalLong.of(newer), receipt("7777", OutboundState.DELIVERED, ""));
        assertEquals(OutboundState.SUBMITTED, status(older).state());
    }

    @Test
    void applyReceipts_batchOfMessagesInAnyOrderWithAStrangerTwice_matchesEachAndParksTheStrangerOnce() {
        long a = submittedMessage("a", part(1, "2000a"), part(2, "2000b"));
        long b = submittedMessage("b", part(1, "3000a"), part(2, "3000b"));
        List<OptionalLong> matched = queue.applyReceipts(List.of(
                new ReceiptUpdate("3000b", OutboundState.DELIVERED, "000", clock.instant()),
                new ReceiptUpdate("2000a", OutboundState.DELIVERED, "000", clock.instant()),
                new ReceiptUpdate("eeee", OutboundState.SUBMITTED, "", clock.instant()),
                new ReceiptUpdate("3000a", OutboundState.DELIVERED, "000", clock.instant()),
                new ReceiptUpdate("eeee", OutboundState.DELIVERED, "000", clock.instant()),
                new ReceiptUpdate("2000b", OutboundState.EXPIRED, "", clock.instant())));
        assertEquals(List.of(OptionalLong.of(b), OptionalLong.of(a), OptionalLong.empty(), OptionalLong.of(b),
                OptionalLong.empty(), OptionalLong.of(a)), matched);
        assertEquals(OutboundState.DELIVERED, status(b).state());
        assertEquals(OutboundState.EXPIRED, status(a).state());
        enqueue(Lane.REPLY, "c");
        long c = claim(Lane.REPLY, 1).get(0).id();
        settle(c, submitted(part(1, "eeee")));
        assertEquals(OutboundState.DELIVERED, status(c).state(), "the final receipt parked replaced the intermediate");
    }

    @Test
    void applyReceipts_batchForBothPartsAndAStranger_matchesEachInOrder() {
        long id = submittedMessage("a", part(1, "1000a"), part(2, "1000b"));
        List<OptionalLong> matched = queue.applyReceipts(List.of(
                new ReceiptUpdate("1000a", OutboundState.DELIVERED, "000", clock.instant()),
                new ReceiptUpdate("ffff", OutboundState.DELIVERED, "000", clock.instant()),
                new ReceiptUpdate("1000b", OutboundState.DELIVERED, "000", clock.instant())));
        assertEquals(List.of(OptionalLong.of(id), OptionalLong.empty(), OptionalLong.of(id)), matched);
        assertEquals(OutboundState.DELIVERED, status(id).state());
    }

    @Test
    void applyReceipt_unmatched_returnsEmpty() {
        submittedMessage("a", part(1, "1000a"));
        assertTrue(receipt("ffff", OutboundState.DELIVERED, "").isEmpty());
    }

    @Test
    void applyReceipt_beforeItsSubmissionIsSettled_isAppliedBySettle() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        assertTrue(receipt("1000a", OutboundState.DELIVERED, "000").isEmpty());
        settle(id, submitted(part(1, "1000a")));
        assertEquals(OutboundState.DELIVERED, status(id).state());
    }

    @Test
    void settle_batchWithReceiptsParkedForSomeParts_appliesEachToItsPartOnce() {
        enqueue(Lane.REPLY, "a", "b", "c");
        List<QueuedSms> claimed = claim(Lane.REPLY, 3);
        long a = claimed.get(0).id();
        long b = claimed.get(1).id();
        long c = claimed.get(2).id();
        assertTrue(receipt("1000a", OutboundState.DELIVERED, "000").isEmpty());
        assertTrue(receipt("4097", OutboundState.DELIVERED, "000").isEmpty());
        assertTrue(receipt("1000c", OutboundState.DELIVERED, "000").isEmpty());

        assertEquals(3, queue.settle(List.of(
                new Settlement(a, OWNER, submitted(part(1, "1000a"))),
                new Settlement(b, OWNER, submitted(part(1, "1000b"))),
                new Settlement(c, OWNER, submitted(part(1, "1001", "4097"), part(2, "1000c"))))));

        assertEquals(OutboundState.DELIVERED, status(a).state());
        assertEquals(OutboundState.SUBMITTED, status(b).state());
        assertEquals(OutboundState.DELIVERED, status(c).state(), "both parts by receipts parked under their keys");
        assertEquals(OptionalLong.of(a), receipt("1000a", OutboundState.DELIVERED, "000"),
                "the parked receipt was used up: a new one matches the part");
    }

    @Test
    void settle_batchOfTwoMessagesSharingAParkedKey_appliesItToTheFirstOnly() {
        enqueue(Lane.REPLY, "a", "b");
        List<QueuedSms> claimed = claim(Lane.REPLY, 2);
        long a = claimed.get(0).id();
        long b = claimed.get(1).id();
        assertTrue(receipt("3039", OutboundState.DELIVERED, "000").isEmpty());

        assertEquals(2, queue.settle(List.of(
                new Settlement(a, OWNER, submitted(part(1, "3039", "12345"))),
                new Settlement(b, OWNER, submitted(part(1, "12345", "3039"))))));

        assertEquals(OutboundState.DELIVERED, status(a).state());
        assertEquals(OutboundState.SUBMITTED, status(b).state());
    }

    @Test
    void applyReceipt_parkedLongerThanItsTtl_isNotApplied() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        receipt("1000a", OutboundState.DELIVERED, "000");
        clock.advance(PartTable.EARLY_RECEIPT_TTL.plusSeconds(1));
        settle(id, submitted(part(1, "1000a")));
        assertEquals(OutboundState.SUBMITTED, status(id).state());
    }

    @Test
    void applyReceipt_unknownMessageWithAFailedPart_settlesIt() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, new SubmitOutcome.Unknown("no submit_sm_resp for part 2", List.of(part(1, "1000a"))));
        receipt("1000a", OutboundState.EXPIRED, "");
        assertEquals(OutboundState.EXPIRED, status(id).state());
    }

    @Test
    void applyReceipt_unknownMessageWithItsOnlyIdDelivered_staysUnknown() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, new SubmitOutcome.Unknown("no submit_sm_resp for part 2", List.of(part(1, "1000a"))));
        receipt("1000a", OutboundState.DELIVERED, "000");
        assertEquals(OutboundState.UNKNOWN, status(id).state());
    }

    @Test
    void recordLateParts_lastPartOfAnUnknownMessage_letsItsReceiptDeliverIt() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, new SubmitOutcome.Unknown("no submit_sm_resp for part 1 of 1", List.of()));

        assertEquals(1, queue.recordLateParts(List.of(new LatePart(id, part(1, "7000a")))));
        assertEquals(OutboundState.UNKNOWN, status(id).state());
        receipt("7000a", OutboundState.DELIVERED, "000");

        assertEquals(OutboundState.DELIVERED, status(id).state());
        assertEquals("7000a", status(id).parts().get(0).smscMessageId());
    }

    @Test
    void recordLateParts_receiptParkedBeforeTheLateResponse_isAppliedThen() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, new SubmitOutcome.Unknown("no submit_sm_resp for part 2 of 2", List.of(part(1, "7100a"))));
        receipt("7100a", OutboundState.DELIVERED, "000");
        receipt("7100b", OutboundState.UNDELIVERABLE, "001");

        assertEquals(1, queue.recordLateParts(List.of(new LatePart(id, part(2, "7100b")))));

        assertEquals(OutboundState.UNDELIVERABLE, status(id).state());
    }

    @Test
    void recordLateParts_notWhatAnUnknownMessageWaitsFor_areIgnored() {
        long submitted = submittedMessage("a", part(1, "7200a"));
        enqueue(Lane.REPLY, "b");
        long unknown = claim(Lane.REPLY, 1).get(0).id();
        settle(unknown, new SubmitOutcome.Unknown("no submit_sm_resp for part 2 of 3", List.of(part(1, "7200b"))));

        int recorded = queue.recordLateParts(List.of(new LatePart(submitted, part(2, "7200c")),
                new LatePart(unknown, part(1, "7200d")), new LatePart(unknown + 1_000, part(1, "7200e"))));
        receipt("7200d", OutboundState.UNDELIVERABLE, "001");

        assertEquals(0, recorded);
        assertEquals(OutboundState.SUBMITTED, status(submitted).state());
        assertEquals(OutboundState.UNKNOWN, status(unknown).state());
    }

    @Test
    void recordLateParts_twice_recordsThePartOnce() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, new SubmitOutcome.Unknown("no submit_sm_resp for part 1 of 1", List.of()));

        assertEquals(1, queue.recordLateParts(List.of(new LatePart(id, part(1, "7300a")))));
        assertEquals(0, queue.recordLateParts(List.of(new LatePart(id, part(1, "7300a")))));
        assertEquals(1, status(id).parts().size());
    }

    @Test
    void applyReceipts_mixedBatch_endsEachMessageAsReceiptsOneByOneWould() {
        long delivered = submittedMessage("a", part(1, "5000a"));
        long expired = submittedMessage("b", part(1, "5000b"));
        long rejected = submittedMessage("c", part(1, "5000c"));
        long intermediate = submittedMessage("d", part(1, "5000d"));
        long twice = submittedMessage("e", part(1, "5000e"));
        long onePartOfTwo = submittedMessage("f", part(1, "5000f"), part(2, "5000g"));
        long bothParts = submittedMessage("h", part(1, "5000h"), part(2, "5000i"));
        long alreadyFinal = submittedMessage("j", part(1, "5000j"));
        receipt("5000j", OutboundState.DELIVERED, "000");
        enqueue(Lane.REPLY, "k");
        long unknown = claim(Lane.REPLY, 1).get(0).id();
        settle(unknown, new SubmitOutcome.Unknown("no submit_sm_resp for part 2", List.of(part(1, "5000k"))));
        Instant at = clock.instant();
        List<OptionalLong> matched = queue.applyReceipts(List.of(
                new ReceiptUpdate("5000a", OutboundState.DELIVERED, "000", at),
                new ReceiptUpdate("5000b", OutboundState.EXPIRED, "0/27", at),
                new ReceiptUpdate("5000c", OutboundState.REJECTED, "", at),
                new ReceiptUpdate("5000d", OutboundState.SUBMITTED, "", at),
                new ReceiptUpdate("5000e", OutboundState.UNDELIVERABLE, "1", at),
                new ReceiptUpdate("5000e", OutboundState.DELIVERED, "000", at),
                new ReceiptUpdate("5000f", OutboundState.DELIVERED, "000", at),
                new ReceiptUpdate("5000i", OutboundState.DELIVERED, "000", at),
                new ReceiptUpdate("9999", OutboundState.DELIVERED, "000", at),
                new ReceiptUpdate("5000h", OutboundState.DELIVERED, "000", at),
                new ReceiptUpdate("5000j", OutboundState.UNDELIVERABLE, "2", at),
                new ReceiptUpdate("5000k", OutboundState.EXPIRED, "", at)));
        assertEquals(List.of(OptionalLong.of(delivered), OptionalLong.of(expired), OptionalLong.of(rejected),
                OptionalLong.of(intermediate), OptionalLong.of(twice), OptionalLong.of(twice),
                OptionalLong.of(onePartOfTwo), OptionalLong.of(bothParts), OptionalLong.empty(),
                OptionalLong.of(bothParts), OptionalLong.of(alreadyFinal), OptionalLong.of(unknown)), matched);
        assertEquals(OutboundState.DELIVERED, status(delivered).state());
        assertEquals("", status(delivered).error());
        assertEquals(OutboundState.EXPIRED, status(expired).state());
        assertEquals("0/27", status(expired).error());
        assertEquals(OutboundState.REJECTED, status(rejected).state());
        assertEquals("REJECTED", status(rejected).error());
        assertEquals(OutboundState.SUBMITTED, status(intermediate).state());
        assertEquals(OutboundState.UNDELIVERABLE, status(twice).state(), "the first final receipt of a part stands");
        assertEquals("1", status(twice).error());
        assertEquals(OutboundState.SUBMITTED, status(onePartOfTwo).state());
        assertEquals(OutboundState.DELIVERED, status(onePartOfTwo).parts().get(0).state());
        assertEquals(OutboundState.DELIVERED, status(bothParts).state());
        assertEquals(OutboundState.DELIVERED, status(alreadyFinal).state());
        assertEquals(OutboundState.DELIVERED, status(alreadyFinal).parts().get(0).state());
        assertEquals(OutboundState.EXPIRED, status(unknown).state());
    }

    /** Replies: one delivered, one submitted, one failed, one claimed, one pending; one pending campaign message. */
    private void mixedQueue() {
        enqueue(Lane.REPLY, "a", "b", "c", "d", "e");
        enqueue(Lane.CAMPAIGN, "x");
        List<QueuedSms> sent = claim(Lane.REPLY, 3);
        settle(sent.get(0).id(), submitted(part(1, "1000a")));
        receipt("1000a", OutboundState.DELIVERED, "000");
        settle(sent.get(1).id(), submitted(part(1, "1000b")));
        settle(sent.get(2).id(), new SubmitOutcome.Failed("0x0000000B", List.of()));
        claim(Lane.REPLY, 1);
    }

    @Test
    void depth_mixedQueue_countsOnlyWaitingAndClaimedMessages() {
        mixedQueue();
        QueueDepth depth = queue.depth();
        assertEquals(1, depth.count(Lane.REPLY, OutboundState.PENDING));
        assertEquals(1, depth.count(Lane.REPLY, OutboundState.CLAIMED));
        assertEquals(1, depth.count(Lane.CAMPAIGN, OutboundState.PENDING));
        assertEquals(Map.of(Lane.REPLY, Map.of(OutboundState.PENDING, 1L, OutboundState.CLAIMED, 1L),
                Lane.CAMPAIGN, Map.of(OutboundState.PENDING, 1L)), depth.counts());
    }

    @Test
    void countByState_mixedQueue_countsEveryMessageByLaneAndState() {
        mixedQueue();
        QueueDepth all = queue.countByState();
        assertEquals(Map.of(Lane.REPLY, Map.of(OutboundState.PENDING, 1L, OutboundState.CLAIMED, 1L,
                        OutboundState.SUBMITTED, 1L, OutboundState.DELIVERED, 1L, OutboundState.FAILED, 1L),
                Lane.CAMPAIGN, Map.of(OutboundState.PENDING, 1L)), all.counts());
    }

    @Test
    void depth_messageRetried_countsItAsWaitingAgain() {
        enqueue(Lane.REPLY, "a");
        long id = claim(Lane.REPLY, 1).get(0).id();
        settle(id, new SubmitOutcome.RetryLater(clock.instant(), "throttled", true));
        assertEquals(Map.of(Lane.REPLY, Map.of(OutboundState.PENDING, 1L)), queue.depth().counts());
    }

    @Test
    void status_unknownId_isEmpty() {
        assertTrue(queue.status(4242).isEmpty());
    }
}
