package vn.smsgw.dispatch.police;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.Transactions;

/** The behaviour every {@link PoliceQueue} adapter, filled through its {@link PoliceOutbox}, must show. */
abstract class PoliceQueueContract {
    static final Duration VISIBILITY = Duration.ofSeconds(60);

    /** An adapter under test: the queue, the outbox that fills it and the transactions the outbox writes in. */
    record Fixture(PoliceQueue queue, PoliceOutbox outbox, Transactions transactions, AutoCloseable resources) {
    }

    /** A new, empty queue reading time from {@code clock}, hiding pulled cases for {@link #VISIBILITY}. */
    abstract Fixture open(MutableClock clock) throws Exception;

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T03:00:00Z"));
    Fixture fx;
    PoliceQueue queue;

    @BeforeEach
    void openFixture() throws Exception {
        fx = open(clock);
        queue = fx.queue();
    }

    @AfterEach
    void closeFixture() throws Exception {
        fx.resources().close();
    }

    void add(String... caseIds) {
        List<PoliceCase> cases = new ArrayList<>();
        for (String id : caseIds) {
            cases.add(PoliceCases.sample(id));
        }
        fx.transactions().inTransaction(tx -> {
            fx.outbox().add(tx, cases);
            return null;
        });
    }

    static List<String> caseIds(List<PoliceDelivery> deliveries) {
        return deliveries.stream().map(PoliceDelivery::caseId).toList();
    }

    @Test
    void pull_afterAdd_returnsCasesOldestFirst() {
        add(PoliceCases.id(1), PoliceCases.id(2));
        add(PoliceCases.id(3));
        assertEquals(List.of(PoliceCases.id(1), PoliceCases.id(2), PoliceCases.id(3)), caseIds(queue.pull(10)));
    }

    @Test
    void pull_emptyQueue_returnsNothing() {
        assertEquals(List.of(), queue.pull(10));
    }

    @Test
    void pull_backlogLargerThanMax_returnsMaxOldest() {
        add(PoliceCases.id(1), PoliceCases.id(2), PoliceCases.id(3));
        assertEquals(List.of(PoliceCases.id(1), PoliceCases.id(2)), caseIds(queue.pull(2)));
        assertEquals(List.of(PoliceCases.id(3)), caseIds(queue.pull(2)));
    }

    @Test
    void pull_payload_isTheCaseJson() {
        PoliceCase pc = PoliceCases.sample(PoliceCases.id(1));
        add(PoliceCases.id(1));
        PoliceDelivery d = queue.pull(1).get(0);
        assertEquals(PoliceCaseJson.write(pc), d.payload());
        assertEquals(pc, PoliceCaseJson.parse(d.payload()));
    }

    @Test
    void pull_pulledCaseWithinVisibility_isNotHandedOutAgain() {
        add(PoliceCases.id(1));
        queue.pull(10);
        clock.advance(VISIBILITY.minusMillis(1));
        assertEquals(List.of(), queue.pull(10));
    }

    @Test
    void pull_unackedAfterVisibility_isRedelivered() {
        add(PoliceCases.id(1), PoliceCases.id(2));
        queue.pull(10);
        queue.ack(PoliceCases.id(1));
        clock.advance(VISIBILITY);
        assertEquals(List.of(PoliceCases.id(2)), caseIds(queue.pull(10)));
    }

    @Test
    void pull_redeliveredCase_keepsItsOutboxId() {
        add(PoliceCases.id(1));
        long first = queue.pull(1).get(0).outboxId();
        clock.advance(VISIBILITY);
        assertEquals(first, queue.pull(1).get(0).outboxId());
    }

    @Test
    void ack_pulledCase_isNeverHandedOutAgain() {
        add(PoliceCases.id(1));
        queue.pull(10);
        assertTrue(queue.ack(PoliceCases.id(1)));
        clock.advance(VISIBILITY.multipliedBy(10));
        assertEquals(List.of(), queue.pull(10));
    }

    @Test
    void ack_caseNotYetPulled_removesItFromTheQueue() {
        add(PoliceCases.id(1), PoliceCases.id(2));
        assertTrue(queue.ack(PoliceCases.id(2)));
        assertEquals(List.of(PoliceCases.id(1)), caseIds(queue.pull(10)));
    }

    @Test
    void ack_twice_isTrueBothTimes() {
        add(PoliceCases.id(1));
        assertTrue(queue.ack(PoliceCases.id(1)));
        assertTrue(queue.ack(PoliceCases.id(1)));
    }

    @Test
    void ack_unknownCaseId_isFalse() {
        add(PoliceCases.id(1));
        assertFalse(queue.ack(PoliceCases.id(404)));
    }

    @Test
    void add_duplicateCaseIdInLaterTransaction_isIgnored() {
        add(PoliceCases.id(1), PoliceCases.id(2));
        add(PoliceCases.id(2), PoliceCases.id(3));
        assertEquals(List.of(PoliceCases.id(1), PoliceCases.id(2), PoliceCases.id(3)), caseIds(queue.after(0, 10)));
    }

    @Test
    void add_duplicateCaseIdInOneBatch_isKeptOnce() {
        add(PoliceCases.id(1), PoliceCases.id(1));
        assertEquals(List.of(PoliceCases.id(1)), caseIds(queue.pull(10)));
    }

    @Test
    void add_duplicateOfAckedCase_isNotRedelivered() {
        add(PoliceCases.id(1));
        queue.ack(PoliceCases.id(1));
        add(PoliceCases.id(1));
        assertEquals(List.of(), queue.pull(10));
    }

    @Test
    void after_cursor_pagesInOutboxIdOrder() {
        add(PoliceCases.id(1), PoliceCases.id(2), PoliceCases.id(3), PoliceCases.id(4), PoliceCases.id(5));
        List<PoliceDelivery> page1 = queue.after(0, 2);
        List<PoliceDelivery> page2 = queue.after(page1.get(1).outboxId(), 2);
        List<PoliceDelivery> page3 = queue.after(page2.get(1).outboxId(), 2);
        assertEquals(List.of(PoliceCases.id(1), PoliceCases.id(2)), caseIds(page1));
        assertEquals(List.of(PoliceCases.id(3), PoliceCases.id(4)), caseIds(page2));
        assertEquals(List.of(PoliceCases.id(5)), caseIds(page3));
        assertEquals(List.of(), queue.after(page3.get(0).outboxId(), 2));
    }

    @Test
    void after_ackedAndPulledCases_areStillListed() {
        add(PoliceCases.id(1), PoliceCases.id(2));
        queue.pull(1);
        queue.ack(PoliceCases.id(2));
        assertEquals(List.of(PoliceCases.id(1), PoliceCases.id(2)), caseIds(queue.after(0, 10)));
    }

    @Test
    void after_listing_doesNotHideCasesFromPull() {
        add(PoliceCases.id(1));
        queue.after(0, 10);
        assertEquals(List.of(PoliceCases.id(1)), caseIds(queue.pull(10)));
    }
}
