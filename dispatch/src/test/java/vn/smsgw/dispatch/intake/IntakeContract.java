package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.MutableClock;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.police.PoliceCase;
import vn.smsgw.dispatch.routing.FraudMarkers;
import vn.smsgw.dispatch.routing.RoutingRules;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Transactions;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.Rejection;

/**
 * The behaviour of {@link Intake} over one store: run by the in-memory, SQLite and PostgreSQL subclasses. The
 * blocklist and police ports are fakes here; their own contract tests cover their adapters.
 */
abstract class IntakeContract {
    static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");
    static final String KEY = "test-reporter-hash-key";

    /** A store under test: its ports and what it queued. */
    interface Fixture extends AutoCloseable {
        Transactions transactions();

        ReportStore reports();

        PartStore parts();

        ReporterCounters counters();

        vn.smsgw.dispatch.outbound.Outbox outbox();

        /** Kinds of the replies queued for a case id. */
        List<String> replyKinds(String caseId);

        /** The SMSCs the replies queued for a case id should leave through. */
        List<String> replySmscs(String caseId);

        /** Every reply body queued, in order. */
        List<String> replyBodies();

        @Override
        void close();
    }

    abstract Fixture open();

    Fixture fx;
    MutableClock clock;
    CountingBlocklists blocklists;
    RecordingPoliceOutbox police;
    Intake intake;

    @BeforeEach
    void start() {
        fx = open();
        clock = new MutableClock(T0);
        blocklists = new CountingBlocklists(Set.of("113", "+842439393939"));
        police = new RecordingPoliceOutbox();
        intake = newIntake(IntakeConfig.defaults(KEY).withWriters(writers()), fx.transactions());
    }

    /** Intake's writer threads in these tests (PostgreSQL also runs them with two). */
    int writers() {
        return 1;
    }

    Intake newIntake(IntakeConfig config, Transactions tx) {
        return new Intake(new Intake.Ports(tx, fx.reports(), fx.parts(), fx.counters(), blocklists, police, fx.outbox()), config,
                RoutingRules.standard(FraudMarkers.defaults()), clock);
    }

    @AfterEach
    void stop() {
        intake.close();
        fx.close();
    }

    static InboundSms mo(String reporter, String text) {
        return InboundSms.text(reporter, "156", text, "smsc-a", T0);
    }

    @Test
    void accept_validReport_isStoredWithCaseIdAndOneAck() {
        IntakeResult r = intake.accept(mo("84912345678", "LD 0987654321 goi gia danh cong an"));
        IntakeResult.Stored s = assertInstanceOf(IntakeResult.Stored.class, r);
        assertInstanceOf(ParseResult.Parsed.class, s.parse());
        StoredReport stored = fx.reports().find(s.caseId()).orElseThrow();
        assertEquals("+84912345678", stored.reporter());
        assertEquals("LD", stored.command());
        assertEquals("+84987654321", stored.source());
        assertEquals("LD 0987654321 goi gia danh cong an", stored.rawText());
        assertEquals("", stored.error());
        assertEquals(List.of("ACK"), fx.replyKinds(s.caseId().value()));
        assertTrue(fx.replyBodies().get(0).contains(s.caseId().value()));
        assertTrue(fx.replyBodies().get(0).contains("+84987654321"));
    }

    @Test
    void accept_replies_leaveThroughTheSmscTheReportCameIn() {
        IntakeResult.Stored a = (IntakeResult.Stored) intake.accept(
                InboundSms.text("84912345678", "156", "LD 0987654321 goi lua dao", "viettel", T0));
        IntakeResult.Stored b = (IntakeResult.Stored) intake.accept(
                InboundSms.text("84912345679", "156", "khong dung cu phap", "vnpt", T0));
        assertEquals(List.of("viettel"), fx.replySmscs(a.caseId().value()));
        assertEquals(List.of("vnpt"), fx.replySmscs(b.caseId().value()), "help replies too");
    }

    @Test
    void accept_redelivery_isDuplicateWithSameCaseIdAndNoSecondReply() {
        InboundSms sms = mo("84912345678", "V 0987654321 quang cao");
        CaseId first = ((IntakeResult.Stored) intake.accept(sms)).caseId();
        IntakeResult again = intake.accept(sms);
        assertEquals(new IntakeResult.Duplicate(first), again);
        assertEquals(1, fx.reports().after(0, 100).size());
        assertEquals(1, fx.replyBodies().size());
        assertEquals(1, blocklists.votes());
    }

    @Test
    void accept_sameTextFromAnotherSmscDelivery_isStoredAgain() {
        intake.accept(mo("84912345678", "V 0987654321 quang cao"));
        InboundSms other = new InboundSms("84912345678", "156", "V 0987654321 quang cao", "smsc-a", T0, "ref-2",
                InboundSms.Form.TEXT);
        assertInstanceOf(IntakeResult.Stored.class, intake.accept(other));
    }

    @Test
    void accept_redeliveryAfterDedupeWindow_isStoredAgain() {
        InboundSms sms = mo("84912345678", "V 0987654321 quang cao");
        intake.accept(sms);
        assertEquals(1, fx.reports().expireDedupeKeys(T0.plus(Duration.ofHours(49)).toEpochMilli()));
        assertInstanceOf(IntakeResult.Stored.class, intake.accept(sms));
    }

    @Test
    void accept_badSyntax_isKeptWithErrorAndHelpReply() {
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(mo("84912345678", "xin chao"));
        assertEquals(Rejection.UNKNOWN_COMMAND, ((ParseResult.Rejected) s.parse()).reason());
        StoredReport stored = fx.reports().find(s.caseId()).orElseThrow();
        assertEquals("UNKNOWN_COMMAND", stored.error());
        assertEquals("xin chao", stored.rawText());
        assertEquals(List.of("HELP"), fx.replyKinds(s.caseId().value()));
        assertEquals(0, blocklists.votes());
    }

    @Test
    void accept_brandnameTooLong_isKeptWithErrorAndInvalidSenderReply() {
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(mo("84912345678", "S ABCDEFGHIJKL noi dung"));
        assertEquals("INVALID_SENDER", fx.reports().find(s.caseId()).orElseThrow().error());
        assertEquals(List.of("INVALID_SENDER"), fx.replyKinds(s.caseId().value()));
        assertEquals(0, blocklists.votes());
    }

    @Test
    void accept_commandWithoutSource_isKeptWithErrorAndHelpReply() {
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(mo("84912345678", "LD"));
        assertEquals("MISSING_SOURCE", fx.reports().find(s.caseId()).orElseThrow().error());
        assertEquals(List.of("HELP"), fx.replyKinds(s.caseId().value()));
        assertEquals(0, police.cases().size());
    }

    @Test
    void accept_groupCommittedButNotMadeDurable_isUnavailableNotStored() {
        intake.close();
        Transactions real = fx.transactions();
        Transactions syncFails = new Transactions() {
            @Override
            public <T> T inTransaction(Work<T> work) {
                return real.inTransaction(work);
            }

            @Override
            public <T> void inSharedTransaction(Work<T> work, Consumer<T> onDurable,
                                                Consumer<StorageException> onLost) {
                real.inSharedTransaction(work, committed -> onLost.accept(new StorageException("fsync failed")),
                        onLost);
            }
        };
        intake = newIntake(IntakeConfig.defaults(KEY), syncFails);

        IntakeResult r = intake.accept(mo("84912345678", "LD 0987654321 goi gia danh cong an"));

        assertEquals("storage failure", assertInstanceOf(IntakeResult.Unavailable.class, r).reason());
    }

    @Test
    void accept_invalidNumber_getsInvalidNumberReply() {
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(mo("84912345678", "LD 04 3825 1234 lua dao"));
        assertEquals(List.of("INVALID_NUMBER"), fx.replyKinds(s.caseId().value()));
    }

    @Test
    void accept_fraudCall_opensPoliceCaseWithReporterInFull() {
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(mo("84912345678", "LD 0987654321 gia danh"));
        List<PoliceCase> cases = police.cases();
        assertEquals(1, cases.size());
        PoliceCase c = cases.get(0);
        assertEquals(s.caseId().value(), c.caseId());
        assertEquals("+84912345678", c.reporter());
        assertEquals("+84987654321", c.offender());
        assertEquals("VIETTEL", c.carrier());
        assertEquals("+07:00", c.receivedAt().getOffset().getId());
        assertEquals(1, c.reporters());
        assertTrue(fx.reports().find(s.caseId()).orElseThrow().flags().contains(ReportFlag.POLICE_CASE));
    }

    @Test
    void accept_spamSmsWithOtp_isEscalatedToPolice() {
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(
                mo("84912345678", "S VCB-BANK Quy khach vui long cung cap ma OTP"));
        assertEquals(1, police.cases().size());
        assertTrue(police.cases().get(0).escalated());
        assertTrue(fx.reports().find(s.caseId()).orElseThrow().flags().contains(ReportFlag.ESCALATED));
    }

    @Test
    void accept_plainSpam_votesWithoutPoliceCase() {
        intake.accept(mo("84912345678", "S 0987654321 khuyen mai"));
        assertEquals(0, police.cases().size());
        assertEquals(1, blocklists.votes());
        assertEquals("VIETTEL", blocklists.votes.get(0).list());
    }

    @Test
    void accept_brandname_votesOnSenderList() {
        intake.accept(mo("84912345678", "S FECREDIT vay tien"));
        assertEquals("SENDER", blocklists.votes.get(0).list());
    }

    @Test
    void accept_overDailyQuota_storedAndAnsweredButNotCounted() {
        intake.close();
        intake = newIntake(IntakeConfig.defaults(KEY).withDailyQuota(3).withRepliesPerHour(100), fx.transactions());
        List<CaseId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(((IntakeResult.Stored) intake.accept(mo("84912345678", "V 098765432" + i + " rac"))).caseId());
        }
        assertEquals(3, blocklists.votes());
        assertTrue(fx.reports().find(ids.get(4)).orElseThrow().flags().contains(ReportFlag.OVER_QUOTA));
        assertFalse(fx.reports().find(ids.get(2)).orElseThrow().flags().contains(ReportFlag.OVER_QUOTA));
        assertEquals(List.of("QUOTA"), fx.replyKinds(ids.get(4).value()));
        assertEquals(List.of("ACK"), fx.replyKinds(ids.get(0).value()));
    }

    @Test
    void accept_fraudReportOverDailyQuota_stillOpensItsPoliceCase() {
        intake.close();
        intake = newIntake(IntakeConfig.defaults(KEY).withDailyQuota(1).withRepliesPerHour(100), fx.transactions());
        intake.accept(mo("84912345678", "LD 0987654320 chuyen tien"));
        CaseId over = ((IntakeResult.Stored) intake.accept(mo("84912345678", "LD 0987654321 chuyen tien"))).caseId();

        assertEquals(1, blocklists.votes());
        assertEquals(2, police.cases().size());
        assertEquals(over.value(), police.cases().get(1).caseId());
        assertTrue(fx.reports().find(over).orElseThrow().flags()
                .containsAll(List.of(ReportFlag.OVER_QUOTA, ReportFlag.POLICE_CASE)));
        assertEquals(List.of("QUOTA"), fx.replyKinds(over.value()));
    }

    @Test
    void accept_fraudSelfReport_castsNoVoteButItsPoliceCaseCountsTheReportersSoFar() {
        intake.accept(mo("84912000001", "LD 0987654321 lua dao chuyen khoan"));
        intake.accept(mo("84912000002", "LD 0987654321 lua dao chuyen khoan"));
        IntakeResult.Stored self = (IntakeResult.Stored) intake.accept(mo("84987654321", "LD 0987654321 tu bao"));

        assertEquals(2, blocklists.votes());
        assertEquals(3, police.cases().size());
        assertEquals(self.caseId().value(), police.cases().get(2).caseId());
        assertEquals(2, police.cases().get(2).reporters());
        assertTrue(fx.reports().find(self.caseId()).orElseThrow().flags().contains(ReportFlag.SELF_REPORT));
    }

    @Test
    void accept_quotaNextDay_countsAgain() {
        intake.close();
        intake = newIntake(IntakeConfig.defaults(KEY).withDailyQuota(1), fx.transactions());
        intake.accept(mo("84912345678", "V 0987654321 rac"));
        intake.accept(mo("84912345678", "V 0987654322 rac"));
        clock.advance(Duration.ofDays(1));
        intake.accept(mo("84912345678", "V 0987654323 rac"));
        assertEquals(2, blocklists.votes());
    }

    @Test
    void accept_quotaDay_turnsAtMidnightInVietnamNotAtMidnightUtc() {
        intake.close();
        intake = newIntake(IntakeConfig.defaults(KEY).withDailyQuota(1), fx.transactions());
        clock.advance(Duration.between(T0, Instant.parse("2026-11-20T16:58:00Z"))); // 23:58 in Vietnam
        intake.accept(mo("84912345678", "V 0987654321 rac"));
        intake.accept(mo("84912345678", "V 0987654322 rac"));
        assertEquals(1, blocklists.votes(), "the second is over the day's quota");

        clock.advance(Duration.ofMinutes(4)); // 00:02 on the 21st in Vietnam, still the 20th in UTC
        intake.accept(mo("84912345678", "V 0987654323 rac"));

        assertEquals(2, blocklists.votes(), "a new day in Vietnam: counted again");
    }

    @Test
    void accept_textWithNulCharacters_isStoredWithReplacementCharactersAndAnswered() {
        IntakeResult r = intake.accept(mo("84912345678", "LD 0987654321 goi\u0000 gia danh\u0000"));
        IntakeResult.Stored s = assertInstanceOf(IntakeResult.Stored.class, r);
        StoredReport stored = fx.reports().find(s.caseId()).orElseThrow();
        assertEquals("LD 0987654321 goi\uFFFD gia danh\uFFFD", stored.rawText());
        assertEquals(List.of("ACK"), fx.replyKinds(s.caseId().value()));
        assertInstanceOf(IntakeResult.Duplicate.class, intake.accept(mo("84912345678",
                "LD 0987654321 goi\u0000 gia danh\u0000")));
    }

    @Test
    void accept_selfReport_isNotCounted() {
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(mo("84912345678", "V 0912345678 toi"));
        assertEquals(0, blocklists.votes());
        assertTrue(fx.reports().find(s.caseId()).orElseThrow().flags().contains(ReportFlag.SELF_REPORT));
    }

    @Test
    void accept_allowlistedSource_isStoredFlaggedNotCounted() {
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(mo("84912345678", "V 02439393939 goi"));
        assertEquals(0, blocklists.votes());
        assertTrue(fx.reports().find(s.caseId()).orElseThrow().flags().contains(ReportFlag.ALLOWLISTED));
        assertEquals(List.of("ACK"), fx.replyKinds(s.caseId().value()));
    }

    @Test
    void accept_manyFromOneReporter_repliesAreRateLimited() {
        intake.close();
        intake = newIntake(IntakeConfig.defaults(KEY).withRepliesPerHour(2), fx.transactions());
        for (int i = 0; i < 4; i++) {
            intake.accept(mo("84912345678", "xin chao " + i));
        }
        assertEquals(2, fx.replyBodies().size());
        clock.advance(Duration.ofHours(1));
        intake.accept(mo("84912345678", "xin chao 9"));
        assertEquals(3, fx.replyBodies().size());
    }

    @Test
    void accept_invalidReporterAddress_isStoredWithoutReply() {
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(mo("abc", "LD 0987654321 x"));
        assertTrue(fx.reports().find(s.caseId()).orElseThrow().flags().contains(ReportFlag.INVALID_REPORTER));
        assertTrue(fx.replyBodies().isEmpty());
    }

    @Test
    void accept_binaryMessage_isKeptAsHexAndAnsweredWithHelp() {
        InboundSms bin = new InboundSms("84912345678", "156", "0a0b0c", "smsc-a", T0, "", InboundSms.Form.BINARY);
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(bin);
        StoredReport stored = fx.reports().find(s.caseId()).orElseThrow();
        assertEquals("0a0b0c", stored.rawText());
        assertTrue(stored.flags().contains(ReportFlag.BINARY));
        assertEquals(List.of("HELP"), fx.replyKinds(s.caseId().value()));
    }

    @Test
    void accept_incompleteMessage_isParsedAndFlagged() {
        InboundSms part = new InboundSms("84912345678", "156", "LD 0987654321 goi tu", "smsc-a", T0, "",
                InboundSms.Form.INCOMPLETE);
        IntakeResult.Stored s = (IntakeResult.Stored) intake.accept(part);
        assertInstanceOf(ParseResult.Parsed.class, s.parse());
        assertTrue(fx.reports().find(s.caseId()).orElseThrow().flags().contains(ReportFlag.INCOMPLETE));
    }

    @Test
    void accept_storageFails_isUnavailableNeverStored() {
        intake.close();
        Transactions failing = new Transactions() {
            @Override
            public <T> T inTransaction(Work<T> work) {
                throw new StorageException("disk full");
            }
        };
        intake = newIntake(IntakeConfig.defaults(KEY), failing);
        IntakeResult r = intake.accept(mo("84912345678", "LD 0987654321 x"));
        assertEquals(new IntakeResult.Unavailable("storage failure", false), r);
        assertTrue(fx.reports().after(0, 10).isEmpty());
    }

    @Test
    void accept_callersArrivingWhileAGroupCommits_shareTheNextTransaction() throws Exception {
        intake.close();
        Transactions real = fx.transactions();
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger groups = new AtomicInteger();
        Transactions counting = new Transactions() {
            @Override
            public <T> T inTransaction(Work<T> work) {
                return real.inTransaction(work);
            }

            @Override
            public <T> void inSharedTransaction(Work<T> work, Consumer<T> onDurable,
                                                Consumer<StorageException> onLost) {
                if (groups.incrementAndGet() == 1) {
                    firstHeld.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                real.inSharedTransaction(work, onDurable, onLost);
            }
        };
        intake = newIntake(IntakeConfig.defaults(KEY).withWriters(1), counting); // one writer: its groups are counted
        int callers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<IntakeResult>> results = new ArrayList<>();
            results.add(pool.submit(() -> intake.accept(mo("84910000000", "V 0987654321 first"))));
            assertTrue(firstHeld.await(10, TimeUnit.SECONDS), "the first group started");
            for (int i = 1; i < callers; i++) {
                InboundSms sms = mo("8491" + String.format("%07d", i), "V 0987654321 rac " + i);
                results.add(pool.submit(() -> intake.accept(sms)));
            }
            // the other callers queue behind the held group; give them time to be waiting, then let it commit
            Thread.sleep(300);
            release.countDown();
            for (Future<IntakeResult> f : results) {
                assertInstanceOf(IntakeResult.Stored.class, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        // one group for the first caller, then the 19 that queued meanwhile in one or a few more (one each: 20)
        assertTrue(groups.get() <= 3, groups.get() + " transactions for " + callers + " callers");
        assertEquals(callers, fx.reports().after(0, 100).size());
    }

    /**
     * Reporters who report many numbers at once: with several writers their messages go to different writers (by the
     * number), whose groups then share the reporters' counter rows. Each report and each reply is counted once: every
     * reporter's 31st to 35th report of the day is over the quota (stored, not voted), and only 10 replies an hour go.
     */
    @Test
    void accept_reportersOfManyNumbersAtOnce_countedOnceEachAcrossGroups() throws Exception {
        int reporters = 20;
        int perReporter = 35;
        int threads = 7;
        int messages = reporters * perReporter;
        List<IntakeResult> results = acceptOnThreads(threads, t -> {
            List<InboundSms> sent = new ArrayList<>();
            for (int k = t; k < messages; k += threads) {
                // each reporter's 35 reports go round all 30 numbers, so with two writers they reach both
                String reporter = "8491" + String.format("%07d", k % reporters);
                String number = "09876543" + String.format("%02d", (k / reporters * 7 + k % reporters) % 30);
                sent.add(mo(reporter, "V " + number + " goi lan " + k));
            }
            return sent;
        });
        Set<CaseId> stored = new HashSet<>();
        for (IntakeResult r : results) {
            assertTrue(stored.add(assertInstanceOf(IntakeResult.Stored.class, r).caseId()));
        }
        assertEquals(messages, stored.size());
        assertEquals(messages, fx.reports().after(0, 10_000).size());
        assertEquals(reporters * 30, blocklists.votes(), "30 reports a reporter counted, the rest over the quota");
        assertEquals(reporters * 10, fx.replyBodies().size(), "10 replies a reporter in the hour");
    }

    /** Accepts, on {@code threads} threads at once, the messages {@code messagesOf} gives each; every result. */
    private List<IntakeResult> acceptOnThreads(int threads, java.util.function.IntFunction<List<InboundSms>> messagesOf)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<IntakeResult>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<InboundSms> messages = messagesOf.apply(t);
                futures.add(pool.submit(() -> {
                    List<IntakeResult> out = new ArrayList<>();
                    for (InboundSms sms : messages) {
                        out.add(intake.accept(sms));
                    }
                    return out;
                }));
            }
            List<IntakeResult> all = new ArrayList<>();
            for (Future<List<IntakeResult>> f : futures) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void accept_concurrentCallersWithRedeliveries_eachMessageStoredExactlyOnce() throws Exception {
        int threads = 16;
        int perThread = 200;
        List<IntakeResult> results = acceptOnThreads(threads, t -> {
            List<InboundSms> sent = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                // numbers of both writers' shares, where there are two
                InboundSms sms = mo("8491" + String.format("%07d", t * 1000 + i),
                        "V 09876543" + String.format("%02d", i % 30) + " " + i);
                sent.add(sms);
                if (i % 10 == 0) {
                    sent.add(sms); // the SMSC's redelivery, once the first was answered
                }
            }
            return sent;
        });
        Set<CaseId> stored = new HashSet<>();
        int duplicates = 0;
        for (IntakeResult r : results) {
            if (r instanceof IntakeResult.Stored s) {
                assertTrue(stored.add(s.caseId()));
            } else {
                assertInstanceOf(IntakeResult.Duplicate.class, r);
                duplicates++;
            }
        }
        assertEquals(threads * perThread, stored.size());
        assertEquals(threads * perThread / 10, duplicates);
        assertEquals(threads * perThread, fx.reports().after(0, 10_000).size());
        assertEquals(threads * perThread, fx.replyBodies().size());
    }
}
