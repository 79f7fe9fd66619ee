package vn.smsgw.dispatch.campaign;

import vn.smsgw.dispatch.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.outbound.JdbcOutboundQueue;
import vn.smsgw.dispatch.outbound.JdbcOutbox;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundQueue;
import vn.smsgw.dispatch.outbound.OutboundSms;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.outbound.PartId;
import vn.smsgw.dispatch.outbound.QueuedSms;
import vn.smsgw.dispatch.outbound.ReceiptUpdate;
import vn.smsgw.dispatch.outbound.Settlement;
import vn.smsgw.dispatch.outbound.SubmitOutcome;
import vn.smsgw.dispatch.store.Database;

/** What campaigns, their audience import and their runner do on every store, against a fake clock. */
abstract class CampaignContract {
    static final String OWNER = "smsc-a#1";
    static final Duration LEASE = Duration.ofSeconds(30);

    /** 08:00 in Ho Chi Minh City: the default window is open. */
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-02T01:00:00Z"));
    Database db;
    Campaigns campaigns;
    CampaignRunner runner;
    OutboundQueue queue;

    abstract Database open() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        db = open();
        campaigns = new Campaigns(db, clock);
        runner = new CampaignRunner(campaigns, clock, CampaignRunner.RunnerSettings.defaults());
        queue = new JdbcOutboundQueue(db, clock);
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    Campaign draft(int tps, String... numbers) {
        Campaign k = campaigns.create(CampaignSpec.of("k" + System.nanoTime(), "Canh bao lua dao: khong cung cap "
                + "OTP cho bat ky ai.", EncodingMode.AUTO, "BoCongAn", tps));
        ImportReport r = importLines(k, AudienceFilter.all(), numbers);
        assertEquals(numbers.length, r.added());
        return k;
    }

    ImportReport importLines(Campaign k, AudienceFilter filter, String... lines) {
        return campaigns.importAudience(k.id(), new BufferedReader(new StringReader(String.join("\n", lines))),
                filter, rows -> { });
    }

    Campaign started(int tps, int recipients) {
        String[] numbers = new String[recipients];
        for (int i = 0; i < recipients; i++) {
            numbers[i] = String.format("0912%06d", i);
        }
        Campaign k = draft(tps, numbers);
        assertInstanceOf(Transition.Moved.class, campaigns.apply(k.id(), CampaignAction.START));
        return k;
    }

    RecipientCounts counts(Campaign k) {
        return campaigns.counts(k.id());
    }

    CampaignState state(Campaign k) {
        return campaigns.find(k.id()).orElseThrow().state();
    }

    /** Claims every due campaign message and settles it as submitted (smsc ids "m<id>"). */
    List<QueuedSms> submitDue() {
        List<QueuedSms> all = new ArrayList<>();
        for (List<QueuedSms> got = queue.claim(Lane.CAMPAIGN, 500, OWNER, LEASE); !got.isEmpty();
                got = queue.claim(Lane.CAMPAIGN, 500, OWNER, LEASE)) {
            List<Settlement> s = new ArrayList<>();
            for (QueuedSms m : got) {
                s.add(new Settlement(m.id(), OWNER, new SubmitOutcome.Submitted(
                        List.of(new PartId(1, "m" + m.id(), List.of("m" + m.id()))))));
            }
            queue.settle(s);
            all.addAll(got);
        }
        return all;
    }

    void deliver(List<QueuedSms> sent) {
        List<ReceiptUpdate> r = new ArrayList<>();
        for (QueuedSms m : sent) {
            r.add(new ReceiptUpdate("m" + m.id(), OutboundState.DELIVERED, "000", clock.instant()));
        }
        queue.applyReceipts(r);
    }

    /** The one message due now, claimed by {@link #OWNER} and held (neither sent nor settled yet). */
    QueuedSms claimOne() {
        List<QueuedSms> got = queue.claim(Lane.CAMPAIGN, 10, OWNER, LEASE);
        assertEquals(1, got.size());
        return got.get(0);
    }

    /** The owner gives the message back unsent, as a submitter does when its bind drops or it stops. */
    void giveBack(QueuedSms m) {
        assertEquals(1, queue.settle(List.of(new Settlement(m.id(), OWNER,
                new SubmitOutcome.RetryLater(clock.instant(), "not bound", false)))));
    }

    List<QueuedSms> claimAny() {
        return queue.claim(Lane.CAMPAIGN, 100, "another-bind", LEASE);
    }

    @Test
    void create_takenName_isRefused() {
        campaigns.create(CampaignSpec.of("an-giang", "x", EncodingMode.AUTO, "156", 10));
        assertThrows(IllegalArgumentException.class,
                () -> campaigns.create(CampaignSpec.of("an-giang", "y", EncodingMode.AUTO, "156", 10)));
    }

    @Test
    void discardDraft_draftWithRecipients_isGoneAndItsNameFree() {
        Campaign k = draft(10, "0912345678", "0987654321");

        assertTrue(campaigns.discardDraft(k.id()));

        assertTrue(campaigns.find(k.id()).isEmpty());
        assertEquals(0, campaigns.recipients(k.id()));
        assertFalse(campaigns.discardDraft(k.id()), "already gone");
        Campaign again = campaigns.create(CampaignSpec.of(k.name(), "x", EncodingMode.AUTO, "156", 10));
        assertEquals(0, campaigns.recipients(again.id()));
    }

    private Creation createWith(String name, AudienceFilter filter, java.io.Reader audience) {
        return campaigns.createWithAudience(CampaignSpec.of(name, "x", EncodingMode.AUTO, "156", 10),
                new BufferedReader(audience), filter, rows -> { });
    }

    private boolean named(String name) {
        return campaigns.list().stream().anyMatch(k -> k.name().equals(name));
    }

    @Test
    void createWithAudience_readableAudience_isADraftWithItsRecipients() {
        Creation c = createWith("with-audience", AudienceFilter.all(),
                new StringReader("0912345678\n0987654321\nnot a number\n"));

        Creation.Created created = assertInstanceOf(Creation.Created.class, c);
        assertEquals(CampaignState.DRAFT, created.campaign().state());
        assertEquals(2, created.report().added());
        assertEquals(1, created.report().rejected());
        assertEquals(2, campaigns.recipients(created.campaign().id()));
    }

    @Test
    void createWithAudience_nameTaken_isRefusedAndTheOtherCampaignKeepsItsAudience() {
        Campaign first = draft(10, "0912345678");

        Creation c = createWith(first.name(), AudienceFilter.all(), new StringReader("0987654321\n"));

        assertTrue(assertInstanceOf(Creation.NameTaken.class, c).reason().contains(first.name()));
        assertEquals(1, campaigns.recipients(first.id()));
        assertEquals(1, campaigns.list().stream().filter(k -> k.name().equals(first.name())).count());
    }

    @Test
    void createWithAudience_filterOnAColumnTheFileLacks_isRefusedAndLeavesNoCampaign() {
        Creation c = createWith("plain-list", new AudienceFilter("An Giang", Set.of()),
                new StringReader("0912000001\n"));

        assertInstanceOf(Creation.AudienceRefused.class, c);
        assertFalse(named("plain-list"));
    }

    @Test
    void createWithAudience_audienceUnreadableAfterItsFirstBatches_discardsWhatItImportedAndFreesTheName() {
        int lines = Campaigns.IMPORT_CHUNK + Campaigns.IMPORT_BATCH * 2; // one transaction committed, the next fails
        java.io.Reader failing = new java.io.Reader() {
            private int line;

            @Override
            public int read(char[] buf, int off, int len) throws java.io.IOException {
                if (line == lines) {
                    throw new java.io.IOException("disk read error");
                }
                String next = String.format("0912%06d\n", line++);
                next.getChars(0, next.length(), buf, off);
                return next.length(); // buffers are far longer than a line
            }

            @Override
            public void close() {
            }
        };

        Creation c = createWith("half-read", AudienceFilter.all(), failing);

        assertTrue(assertInstanceOf(Creation.AudienceRefused.class, c).reason().contains("disk read error"));
        assertFalse(named("half-read"));
        Campaign again = campaigns.create(CampaignSpec.of("half-read", "x", EncodingMode.AUTO, "156", 10));
        assertEquals(0, campaigns.recipients(again.id()), "nothing of the first import is left");
    }

    @Test
    void start_byAnotherOperatorBetweenTwoImportTransactions_isRefusedAndTheImportCompletes() {
        StringBuilder audience = new StringBuilder();
        for (int i = 0; i < Campaigns.IMPORT_CHUNK + 5; i++) {
            audience.append(String.format("0912%06d%n", i));
        }
        Transition[] midway = {null};

        Creation c = campaigns.createWithAudience(CampaignSpec.of("raced", "x", EncodingMode.AUTO, "156", 10),
                new BufferedReader(new StringReader(audience.toString())), AudienceFilter.all(), rows -> {
                    if (midway[0] == null) { // after the first transaction committed, before the next
                        midway[0] = campaigns.apply("raced", CampaignAction.START);
                    }
                });

        String reason = assertInstanceOf(Transition.Refused.class, midway[0]).reason();
        assertTrue(reason.contains("an audience import has not finished"), reason);
        Campaign k = assertInstanceOf(Creation.Created.class, c).campaign();
        assertEquals(CampaignState.DRAFT, state(k));
        assertEquals(Campaigns.IMPORT_CHUNK + 5, campaigns.recipients(k.id()));
        assertInstanceOf(Transition.Moved.class, campaigns.apply("raced", CampaignAction.START));
    }

    @Test
    void start_afterAnImportStoppedHalfWay_isRefusedUntilTheAudienceIsImportedAgain() {
        Campaign k = campaigns.create(CampaignSpec.of("half", "x", EncodingMode.AUTO, "156", 10));
        int lines = Campaigns.IMPORT_CHUNK + 7;
        StringBuilder whole = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            whole.append(String.format("0912%06d%n", i));
        }
        String cut = whole.substring(0, whole.indexOf(String.format("0912%06d", Campaigns.IMPORT_CHUNK)));
        java.io.Reader failing = new java.io.Reader() {
            private final StringReader rest = new StringReader(cut);

            @Override
            public int read(char[] buf, int off, int len) throws java.io.IOException {
                int n = rest.read(buf, off, len);
                if (n < 0) {
                    throw new java.io.IOException("connection reset"); // the operator's session dropped
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        assertThrows(java.io.UncheckedIOException.class, () -> campaigns.importAudience(k.id(),
                new BufferedReader(failing), AudienceFilter.all(), rows -> { }));
        assertEquals(Campaigns.IMPORT_CHUNK, campaigns.recipients(k.id()), "the first chunk was committed");

        String reason = assertInstanceOf(Transition.Refused.class, campaigns.apply("half", CampaignAction.START))
                .reason();
        assertTrue(reason.contains("import the audience again"), reason);

        ImportReport again = campaigns.importAudience(k.id(), new BufferedReader(new StringReader(whole.toString())),
                AudienceFilter.all(), rows -> { });
        assertEquals(7, again.added(), "only what the first import missed");
        assertEquals(lines, campaigns.recipients(k.id()));
        assertInstanceOf(Transition.Moved.class, campaigns.apply("half", CampaignAction.START));
    }

    @Test
    void discardDraft_startedCampaign_isLeftAsItIs() {
        Campaign k = started(10, 3);
        CampaignState before = state(k);

        assertFalse(campaigns.discardDraft(k.id()));

        assertNotEquals(CampaignState.DRAFT, before);
        assertEquals(before, state(k));
        assertEquals(3, campaigns.recipients(k.id()));
    }

    @Test
    void importAudience_everyNumberForm_isNormalisedAndDeduplicated() {
        Campaign k = campaigns.create(CampaignSpec.of("forms", "x", EncodingMode.AUTO, "156", 10));
        ImportReport r = importLines(k, AudienceFilter.all(), "0912345678", "+84 912 345 678", "84912345678",
                "912345678", "0084912345678", "01234567890", "not a number", "", "0912 345 679");
        assertEquals(8, r.rows());
        assertEquals(7, r.valid());
        assertEquals(3, r.added());
        assertEquals(4, r.duplicates());
        assertEquals(1, r.rejected());
        assertEquals(List.of(new ImportReport.Reject(7, "not a subscriber number: ***")), r.rejects());
        assertEquals(3, campaigns.recipients(k.id()));
    }

    @Test
    void importAudience_landlineAndForeignNumbers_areRejectedNamingWhy() {
        Campaign k = campaigns.create(CampaignSpec.of("mobiles", "x", EncodingMode.AUTO, "156", 10));
        ImportReport r = importLines(k, AudienceFilter.all(), "0912345678", "02963123456", "+14155550123");

        assertEquals(1, r.added());
        assertEquals(List.of(2L, 3L), r.rejects().stream().map(ImportReport.Reject::line).toList());
        assertTrue(r.rejects().get(0).reason().startsWith("not a Vietnamese mobile number (fixed)"),
                r.rejects().toString());
        assertTrue(r.rejects().get(1).reason().startsWith("not a Vietnamese mobile number (international)"),
                r.rejects().toString());
    }

    @Test
    void importAudience_csvFilteredByProvinceAndType_keepsMatchingRows() {
        Campaign k = campaigns.create(CampaignSpec.of("csv", "x", EncodingMode.AUTO, "156", 10));
        ImportReport r = importLines(k, new AudienceFilter("An Giang", Set.of(SubscriberType.PREPAID,
                SubscriberType.POSTPAID)), "so_dien_thoai;tinh;loai", "0912000001;An Giang;trả trước",
                "0912000002;AN GIANG;postpaid", "0912000003;Đắk Lắk;prepaid", "0912000004;an giang;hybrid",
                "12;An Giang;prepaid");
        assertEquals(2, r.added());
        assertEquals(1, r.filtered());
        assertEquals(2, r.rejected());
        assertEquals(5, r.rejects().get(0).line());
        assertEquals(6, r.rejects().get(1).line());
    }

    @Test
    void importAudience_filterOnMissingColumn_isRefused() {
        Campaign k = campaigns.create(CampaignSpec.of("plain", "x", EncodingMode.AUTO, "156", 10));
        assertThrows(IllegalArgumentException.class,
                () -> importLines(k, new AudienceFilter("An Giang", Set.of()), "0912000001"));
    }

    @Test
    void importAudience_afterStart_isRefusedAsFrozen() {
        Campaign k = started(10, 3);
        assertThrows(IllegalStateException.class, () -> importLines(k, AudienceFilter.all(), "0912999999"));
    }

    @Test
    void apply_startWithoutRecipients_isRefused() {
        Campaign k = campaigns.create(CampaignSpec.of("empty", "x", EncodingMode.AUTO, "156", 10));
        Transition.Refused r = assertInstanceOf(Transition.Refused.class,
                campaigns.apply(k.id(), CampaignAction.START));
        assertTrue(r.reason().contains("no recipients"), r.reason());
    }

    @Test
    void apply_unknownCampaign_isNotFound() {
        assertInstanceOf(Transition.NotFound.class, campaigns.apply("nope", CampaignAction.PAUSE));
    }

    @Test
    void runOnce_windowClosed_movesNothingUntilItOpens() {
        clock.advance(Duration.ofHours(13)); // 21:00 local
        Campaign k = started(100, 50);
        assertEquals(0, runner.runOnce());
        assertEquals(CampaignState.RUNNING, state(k));
        clock.advance(Duration.ofHours(10)); // 07:00 next day
        assertTrue(runner.runOnce() > 0);
    }

    @Test
    void claim_campaignMessage_carriesTheEndOfTheCampaignsValidityWhileAReplyCarriesNone() {
        Campaign k = started(10, 3);
        runner.runOnce();
        Instant expires = campaigns.find(k.id()).orElseThrow().expiresAt();

        QueuedSms m = claimOne();

        assertEquals(clock.instant().plus(CampaignSpec.of("x", "x", EncodingMode.AUTO, "x", 1).validity()),
                expires, "begun now, the default validity from now");
        assertEquals(expires.toEpochMilli(), m.validUntil());
        db.inTransaction(tx -> {
            new JdbcOutbox().enqueue(tx, List.of(new OutboundSms(Lane.REPLY, "84912345678", "156", "Cam on", "ACK",
                    "C1", clock.instant())));
            return null;
        });
        assertEquals(0, queue.claim(Lane.REPLY, 10, OWNER, LEASE).get(0).validUntil());
    }

    @Test
    void runOnce_tenTps_queuesOneSecondOfSlots100msApart() {
        Campaign k = started(10, 100);
        assertEquals(10, runner.runOnce());
        assertEquals(0, runner.runOnce(), "the next slot is a second ahead");
        List<QueuedSms> due = submitDue();
        assertEquals(1, due.size(), "only the first slot is due now");
        clock.advance(Duration.ofMillis(950));
        assertEquals(10, submitDue().size() + 1);
        clock.advance(Duration.ofMillis(50));
        assertEquals(10, runner.runOnce());
        assertEquals(80, counts(k).count(RecipientState.PENDING));
    }

    @Test
    void runOnce_everyRecipientSubmittedAndDelivered_campaignIsDoneWithMatchingCounts() {
        Campaign k = started(1000, 250);
        for (int i = 0; i < 10 && state(k) != CampaignState.DONE; i++) {
            runner.runOnce();
            clock.advance(Duration.ofSeconds(1));
            deliver(submitDue());
            runner.runOnce();
        }
        assertEquals(CampaignState.DONE, state(k));
        RecipientCounts c = counts(k);
        assertEquals(250, c.count(RecipientState.DELIVERED));
        assertEquals(250, c.total());
        assertEquals(0, c.resent());
    }

    @Test
    void apply_pause_takesUnclaimedMessagesBackAndResumeContinues() {
        Campaign k = started(10, 30);
        runner.runOnce();
        submitDue();
        assertInstanceOf(Transition.Moved.class, campaigns.apply(k.id(), CampaignAction.PAUSE));
        assertEquals(29, counts(k).count(RecipientState.PENDING));
        assertEquals(1, counts(k).count(RecipientState.SUBMITTED));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(0, runner.runOnce());
        assertEquals(0, submitDue().size());
        campaigns.apply(k.id(), CampaignAction.RESUME);
        assertEquals(10, runner.runOnce());
    }

    @Test
    void apply_pauseBeforeItsStartTime_waitsAndResumesToItsSchedule() {
        Campaign k = campaigns.create(new CampaignSpec("later", "Canh bao lua dao", EncodingMode.AUTO, "156",
                SendingWindow.standard(), 10, Duration.ofHours(24), clock.instant().plus(Duration.ofHours(1)), 3));
        importLines(k, AudienceFilter.all(), "0912345678", "0912345679", "0912345670");
        assertInstanceOf(Transition.Moved.class, campaigns.apply(k.id(), CampaignAction.START));
        assertEquals(CampaignState.SCHEDULED, state(k));

        assertInstanceOf(Transition.Moved.class, campaigns.apply(k.id(), CampaignAction.PAUSE));
        runner.runOnce();
        assertEquals(CampaignState.PAUSED, state(k), "not finished: it has not begun");
        assertEquals(3, counts(k).count(RecipientState.PENDING), "no recipient expired");

        assertEquals(new Transition.Moved(CampaignState.PAUSED, CampaignState.SCHEDULED),
                campaigns.apply(k.id(), CampaignAction.RESUME));
        assertEquals(0, runner.runOnce(), "still before its start time");
        clock.advance(Duration.ofHours(1));
        assertEquals(3, runner.runOnce());
        assertEquals(CampaignState.RUNNING, state(k));
    }

    @Test
    void runOnce_submitterStalled_slowCampaignQueuesNoMoreThanItsBacklog() {
        Campaign k = started(10, 2_000);
        for (int i = 0; i < 60; i++) { // a minute with nothing claimed (the bind down), a pass each second
            runner.runOnce();
            clock.advance(Duration.ofSeconds(1));
        }

        // 10 TPS and a backlog of 2 s: what comes back with the bind goes out at the bind's speed, so keep it small
        long queued = counts(k).count(RecipientState.QUEUED);
        assertTrue(queued <= 20, queued + " queued");
        assertTrue(queued >= 10, queued + " queued: the backlog is kept filled");
    }

    @Test
    void apply_cancel_stopsSubmissionAtOnceAndCancelsTheRest() {
        Campaign k = started(10, 30);
        runner.runOnce();
        submitDue();
        campaigns.apply(k.id(), CampaignAction.CANCEL);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, submitDue().size(), "nothing left to claim after the cancel commits");
        assertEquals(0, runner.runOnce());
        RecipientCounts c = counts(k);
        assertEquals(29, c.count(RecipientState.CANCELLED));
        assertEquals(1, c.count(RecipientState.SUBMITTED));
        assertEquals(CampaignState.CANCELLED, state(k));
    }

    @Test
    void runOnce_validityOver_expiresTheUnsentAndFinishes() {
        String[] numbers = new String[100];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = String.format("0913%06d", i);
        }
        Campaign k = campaigns.create(CampaignSpec.of("short", "x", EncodingMode.AUTO, "156", 1)
                .withValidity(Duration.ofMinutes(1)));
        importLines(k, AudienceFilter.all(), numbers);
        campaigns.apply(k.id(), CampaignAction.START);
        for (int s = 0; s < 70; s++) {
            runner.runOnce();
            submitDue();
            clock.advance(Duration.ofSeconds(1));
        }
        runner.runOnce();
        assertEquals(CampaignState.DONE, state(k));
        RecipientCounts c = counts(k);
        assertEquals(60, c.count(RecipientState.SUBMITTED), c.toString());
        assertEquals(40, c.count(RecipientState.EXPIRED), c.toString());
    }

    @Test
    void runOnce_temporarySubmitError_retriesAndPermanentOneFails() {
        Campaign k = started(1000, 2);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));
        List<QueuedSms> got = queue.claim(Lane.CAMPAIGN, 10, OWNER, LEASE);
        assertEquals(2, got.size());
        queue.settle(List.of(
                new Settlement(got.get(0).id(), OWNER, new SubmitOutcome.Failed("0x00000014", List.of())),
                new Settlement(got.get(1).id(), OWNER, new SubmitOutcome.Failed("0x0000000B", List.of()))));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, runner.runOnce());
        RecipientCounts c = counts(k);
        assertEquals(1, c.count(RecipientState.FAILED));
        assertEquals(1, c.count(RecipientState.QUEUED));
    }

    @Test
    void finishIfDone_aTemporaryFailureNotYetAppliedToItsRecipient_isRefusedAndTheRecipientRetried() {
        Campaign k = started(1000, 1);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));
        QueuedSms got = queue.claim(Lane.CAMPAIGN, 10, OWNER, LEASE).get(0);
        queue.settle(List.of(Settlement.of(got, OWNER, new SubmitOutcome.Failed("0x00000014", List.of()))));

        // nothing pending, nothing queued or claimed: only the outcome the runner has not applied yet
        String reason = assertInstanceOf(Transition.Refused.class, campaigns.finishIfDone(k.id())).reason();
        assertTrue(reason.contains("being settled"), reason);
        assertEquals(CampaignState.RUNNING, state(k));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, runner.runOnce(), "retried, not expired");
        assertEquals(1, counts(k).count(RecipientState.QUEUED));
    }

    @Test
    void runOnce_temporaryErrorAfterTheCancel_cancelsTheRecipientInsteadOfLeavingItWaiting() {
        Campaign k = started(1000, 2);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));
        List<QueuedSms> got = queue.claim(Lane.CAMPAIGN, 10, OWNER, LEASE);
        assertEquals(2, got.size());
        campaigns.apply(k.id(), CampaignAction.CANCEL); // the submitter holds both: they stay QUEUED
        queue.settle(List.of(
                new Settlement(got.get(0).id(), OWNER, new SubmitOutcome.Failed("0x00000014", List.of())),
                new Settlement(got.get(1).id(), OWNER, new SubmitOutcome.Failed("0x00000014", List.of()))));
        clock.advance(Duration.ofSeconds(1));

        runner.runOnce();

        RecipientCounts c = counts(k);
        assertEquals(2, c.count(RecipientState.CANCELLED), "no runner moves a cancelled campaign's PENDING again");
        assertEquals(0, c.count(RecipientState.PENDING));
    }

    @Test
    void runOnce_temporaryErrorAfterSomePartsWentOut_failsInsteadOfSendingItWholeAgain() {
        Campaign k = started(1000, 1);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));
        List<QueuedSms> got = queue.claim(Lane.CAMPAIGN, 10, OWNER, LEASE);
        queue.settle(List.of(new Settlement(got.get(0).id(), OWNER, new SubmitOutcome.Failed("0x00000014",
                List.of(new PartId(1, "p1", List.of("p1")))))));
        clock.advance(Duration.ofSeconds(1));

        runner.runOnce();

        assertEquals(1, counts(k).count(RecipientState.FAILED), "part 1 reached the subscriber already");
        assertEquals(0, counts(k).count(RecipientState.PENDING));
    }

    @Test
    void claim_afterLeaseOfADeadSubmitterEnds_isResentAndCounted() {
        Campaign k = started(1000, 5);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(5, queue.claim(Lane.CAMPAIGN, 10, "dead-process", LEASE).size());
        clock.advance(LEASE.plusSeconds(1));
        deliver(submitDue());
        runner.runOnce();
        RecipientCounts c = counts(k);
        assertEquals(5, c.count(RecipientState.DELIVERED));
        assertEquals(5, c.resent());
    }

    @Test
    void settle_messageGivenBackAfterThePause_isNotClaimedAndItsRecipientWaitsForTheResume() {
        Campaign k = started(10, 30);
        runner.runOnce();
        QueuedSms held = claimOne();
        campaigns.apply(k.id(), CampaignAction.PAUSE);
        giveBack(held);

        assertEquals(List.of(), claimAny(), "a paused campaign's message given back is not claimed");
        runner.runOnce();
        assertEquals(30, counts(k).count(RecipientState.PENDING), "waiting again, as the pause left the others");
        assertEquals(List.of(), claimAny());
        campaigns.apply(k.id(), CampaignAction.RESUME);
        List<QueuedSms> sent = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            runner.runOnce();
            clock.advance(Duration.ofSeconds(1));
            sent.addAll(submitDue());
        }
        assertEquals(30, sent.size());
        assertTrue(sent.stream().anyMatch(m -> m.destination().equals(held.destination())), "sent after the resume");
        assertEquals(30, counts(k).count(RecipientState.SUBMITTED));
    }

    @Test
    void cancel_moreWaitingRecipientsThanAChunk_settlesAChunkAtOnceAndTheRestInTheRunnersNextPass() {
        Campaign k = started(10, RecipientRows.SETTLE_CHUNK + 3);

        assertInstanceOf(Transition.Moved.class, campaigns.apply(k.id(), CampaignAction.CANCEL));

        assertEquals(RecipientRows.SETTLE_CHUNK, counts(k).count(RecipientState.CANCELLED));
        assertEquals(3, counts(k).count(RecipientState.PENDING), "left to the runner, a chunk a transaction");
        assertEquals(0, runner.runOnce());
        assertEquals(RecipientRows.SETTLE_CHUNK + 3, counts(k).count(RecipientState.CANCELLED));
        assertEquals(0, counts(k).count(RecipientState.PENDING));
        assertEquals(List.of(), claimAny(), "nothing of it sent");
    }

    @Test
    void pause_aClaimWhoseLeaseRanOut_isTakenBackAsPossiblySentAndCountsAsResentIfSentAgain() {
        Campaign k = started(10, 1);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));
        QueuedSms held = claimOne(); // its submitter dies holding it: the SMSC may have it
        campaigns.apply(k.id(), CampaignAction.PAUSE);
        clock.advance(LEASE);

        runner.runOnce();

        RecipientCounts c = counts(k);
        assertEquals(1, c.count(RecipientState.PENDING), c.toString());
        assertEquals(1, c.resent(), "possibly sent: counted if it goes out again");
        campaigns.apply(k.id(), CampaignAction.RESUME);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));
        List<QueuedSms> again = submitDue();
        assertEquals(List.of(held.destination()), again.stream().map(QueuedSms::destination).toList());
        clock.advance(Duration.ofSeconds(1));
        runner.runOnce(); // the submit reaches its recipient
        assertEquals(1, counts(k).count(RecipientState.SUBMITTED));
        assertEquals(1, counts(k).resent(), "sent again: possibly twice");
    }

    @Test
    void settle_messageGivenBackAfterTheCancel_isNotClaimedAndItsRecipientIsCancelled() {
        Campaign k = started(10, 30);
        runner.runOnce();
        QueuedSms held = claimOne();
        campaigns.apply(k.id(), CampaignAction.CANCEL);
        giveBack(held);

        assertEquals(List.of(), claimAny(), "a cancelled campaign's message given back is not claimed");
        runner.runOnce();
        RecipientCounts c = counts(k);
        assertEquals(30, c.count(RecipientState.CANCELLED), c.toString());
        assertEquals(30, c.total());
    }

    @Test
    void claim_leaseOfADeadSubmitterEndsAfterTheCancel_messageIsNotClaimedAndItsRecipientIsCancelled() {
        Campaign k = started(1000, 5);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(5, queue.claim(Lane.CAMPAIGN, 10, "dead-process", LEASE).size());
        campaigns.apply(k.id(), CampaignAction.CANCEL);
        clock.advance(LEASE.plusSeconds(1));

        assertEquals(List.of(), claimAny(), "no other owner takes them over");
        runner.runOnce();
        assertEquals(5, counts(k).count(RecipientState.CANCELLED));
        assertEquals(CampaignState.CANCELLED, state(k));
    }

    @Test
    void settle_messageGivenBackAfterTheWindowClosed_isClaimedOnlyOnceTheWindowOpensAgain() {
        clock.advance(Duration.ofHours(13).minusSeconds(10)); // 20:59:50 local, ten seconds before the close
        Campaign k = started(10, 30);
        runner.runOnce();
        QueuedSms held = claimOne();
        clock.advance(Duration.ofSeconds(20)); // 21:00:10
        giveBack(held);

        assertEquals(List.of(), claimAny(), "not claimed outside the window");
        runner.runOnce();
        assertEquals(List.of(), claimAny(), "nor after a pass while it is closed");
        clock.advance(Duration.ofHours(10)); // 07:00:10 the next day
        runner.runOnce();
        assertTrue(claimAny().stream().anyMatch(m -> m.id() == held.id()), "claimed once the window is open");
        assertEquals(CampaignState.RUNNING, state(k));
    }

    @Test
    void settle_messageGivenBackAfterTheValidityEnded_isNotClaimedAndItsRecipientExpires() {
        Campaign k = campaigns.create(CampaignSpec.of("brief", "x", EncodingMode.AUTO, "156", 10)
                .withValidity(Duration.ofMinutes(1)));
        importLines(k, AudienceFilter.all(), "0913000001", "0913000002");
        campaigns.apply(k.id(), CampaignAction.START);
        runner.runOnce();
        QueuedSms held = claimOne();
        clock.advance(Duration.ofMinutes(2));
        giveBack(held);

        assertEquals(List.of(), claimAny(), "not claimed past the validity, even before the runner's pass");
        runner.runOnce();
        assertEquals(CampaignState.DONE, state(k));
        assertEquals(2, counts(k).count(RecipientState.EXPIRED));
    }

    @Test
    void claim_givenBackMessageOfAPausedCampaignFirstInTheLane_takesTheRunningCampaignsMessagesBehindIt() {
        Campaign paused = started(1000, 1);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));
        QueuedSms held = claimOne();
        campaigns.apply(paused.id(), CampaignAction.PAUSE);
        giveBack(held);
        Campaign running = started(1000, 3);
        runner.runOnce();
        clock.advance(Duration.ofSeconds(1));

        List<QueuedSms> got = queue.claim(Lane.CAMPAIGN, 1, "another-bind", LEASE);
        assertEquals(1, got.size(), "the paused campaign's message does not take the claim's place");
        assertEquals(running.caseId(), got.get(0).caseId());
    }
}
