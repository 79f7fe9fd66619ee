package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.MutableClock;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.routing.FraudMarkers;
import vn.smsgw.dispatch.routing.RoutingRules;
import vn.smsgw.parser.report.Rejection;
import vn.smsgw.parser.text.GsmAlphabet;
import vn.smsgw.parser.text.TextCoding;

/**
 * The concatenated MO behaviour of {@link Intake} over one store (in memory, SQLite, PostgreSQL with one and two
 * writers): parts stored one by one, the message decoded from the joined octets, late parts, keys.
 */
abstract class PartIntakeContract {
    static final Instant T0 = IntakeContract.T0;
    static final String REPORTER = "84912345678";

    abstract IntakeContract.Fixture open();

    /** Intake's writer threads in these tests. */
    int writers() {
        return 1;
    }

    IntakeContract.Fixture fx;
    MutableClock clock;
    CountingBlocklists blocklists;
    RecordingPoliceOutbox police;
    Intake intake;

    @BeforeEach
    void start() {
        fx = open();
        clock = new MutableClock(T0);
        blocklists = new CountingBlocklists(Set.of());
        police = new RecordingPoliceOutbox();
        intake = new Intake(new Intake.Ports(fx.transactions(), fx.reports(), fx.parts(), fx.counters(), blocklists,
                police, fx.outbox()), IntakeConfig.defaults(IntakeContract.KEY).withWriters(writers()),
                RoutingRules.standard(FraudMarkers.defaults()), clock);
    }

    @AfterEach
    void stop() {
        intake.close();
        fx.close();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static byte[] ucs2(String text) {
        return text.getBytes(StandardCharsets.UTF_16BE);
    }

    static byte[] join(byte[]... arrays) {
        byte[] out = new byte[0];
        for (byte[] a : arrays) {
            int at = out.length;
            out = Arrays.copyOf(out, at + a.length);
            System.arraycopy(a, 0, out, at, a.length);
        }
        return out;
    }

    /** Part {@code seq} of message 77 (UDH, 8-bit reference) in UCS-2, received {@code seq} seconds after T0. */
    static InboundPart part(int seq, int total, String text) {
        return part(new ConcatKey(ConcatScheme.UDH_8BIT_REF, 77, total), seq, TextCoding.UCS2, ucs2(text));
    }

    static InboundPart part(ConcatKey key, int seq, TextCoding coding, byte[] octets) {
        return new InboundPart(REPORTER, "156", "smsc-a", T0.plusSeconds(seq), key, seq,
                new PartContent.Text(coding, octets));
    }

    private List<StoredReport> stored() {
        return fx.reports().after(0, 100);
    }

    private String onlyText() {
        List<StoredReport> stored = stored();
        assertEquals(1, stored.size(), "messages stored");
        return stored.get(0).rawText();
    }

    private List<StoredPart> lateParts(CaseId caseId) {
        return fx.transactions().inTransaction(tx -> fx.parts().lateParts(tx, caseId));
    }

    // --- the message decoded from its parts' joined octets ---

    @Test
    void acceptPart_emojiSplitAcrossUcs2Parts_storedWithTheEmoji() {
        ConcatKey key = new ConcatKey(ConcatScheme.UDH_8BIT_REF, 77, 2);
        intake.acceptPart(part(key, 1, TextCoding.UCS2, join(ucs2("S 0987654321 lua dao "), hex("d83d"))));
        intake.acceptPart(part(key, 2, TextCoding.UCS2, join(hex("de00"), ucs2(" x"))));

        assertEquals("S 0987654321 lua dao 😀 x", onlyText());
    }

    @Test
    void acceptPart_ucs2SplitOnAnOddOctet_storedWithTheCharacter() {
        ConcatKey key = new ConcatKey(ConcatScheme.UDH_16BIT_REF, 0x1234, 2);
        byte[] octets = ucs2("LD 0987654321 lừa đảo");
        intake.acceptPart(part(key, 1, TextCoding.UCS2, Arrays.copyOfRange(octets, 0, 33)));
        intake.acceptPart(part(key, 2, TextCoding.UCS2, Arrays.copyOfRange(octets, 33, octets.length)));

        assertEquals("LD 0987654321 lừa đảo", onlyText());
    }

    @Test
    void acceptPart_gsmEscapeEndsPartOneAndItsCodeStartsPartTwo_storedWithTheEuroSign() {
        ConcatKey key = new ConcatKey(ConcatScheme.SAR, 9, 2);
        intake.acceptPart(part(key, 1, TextCoding.GSM7, join(GsmAlphabet.encode("V 0987654321 phi 5"), hex("1b"))));
        intake.acceptPart(part(key, 2, TextCoding.GSM7, join(hex("65"), GsmAlphabet.encode(" moi ngay @"))));

        assertEquals("V 0987654321 phi 5€ moi ngay @", onlyText());
    }

    @Test
    void acceptPart_splitCharactersArrivingOutOfOrder_joinedInPartOrder() {
        ConcatKey key = new ConcatKey(ConcatScheme.UDH_8BIT_REF, 5, 3);
        byte[] octets = ucs2("S 0987654321 😀 lừa 😀 đảo");
        // the first emoji split on an odd octet, the second between its surrogates
        int[] cuts = {0, 29, 42, octets.length};
        for (int seq : new int[] {3, 1, 2}) {
            assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(key, seq, TextCoding.UCS2,
                    Arrays.copyOfRange(octets, cuts[seq - 1], cuts[seq]))));
        }

        assertEquals("S 0987654321 😀 lừa 😀 đảo", onlyText());
    }

    @Test
    void acceptPart_partsInDifferentCodings_eachRunDecodedOnItsOwn() {
        ConcatKey key = new ConcatKey(ConcatScheme.UDH_8BIT_REF, 6, 4);
        intake.acceptPart(part(key, 1, TextCoding.GSM7, GsmAlphabet.encode("LD 0987654321 ")));
        intake.acceptPart(part(key, 2, TextCoding.UCS2, join(ucs2("lừa đảo "), hex("d83d"))));
        intake.acceptPart(part(key, 3, TextCoding.UCS2, join(hex("de00"), ucs2(" o "))));
        intake.acceptPart(part(key, 4, TextCoding.LATIN1, "café".getBytes(StandardCharsets.ISO_8859_1)));

        assertEquals("LD 0987654321 lừa đảo 😀 o café", onlyText());
    }

    @Test
    void sweepParts_middlePartMissing_octetsOnEitherSideOfTheGapNotJoined() {
        ConcatKey key = new ConcatKey(ConcatScheme.UDH_8BIT_REF, 7, 3);
        intake.acceptPart(part(key, 1, TextCoding.UCS2, join(ucs2("S 0987654321 "), hex("d83d"))));
        intake.acceptPart(part(key, 3, TextCoding.UCS2, join(hex("de00"), ucs2(" x"))));
        clock.advance(Duration.ofMinutes(6));

        assertEquals(1, intake.sweepParts());

        assertEquals("S 0987654321 \uFFFD\uFFFD x", onlyText());
    }

    @Test
    void acceptPart_partsWithNulCharacters_reassembledWithReplacementCharacters() {
        intake.acceptPart(part(1, 2, "LD 0987654321 goi\u0000"));
        intake.acceptPart(part(2, 2, " cong an\u0000\u0000"));

        assertEquals("LD 0987654321 goi\uFFFD cong an\uFFFD\uFFFD", onlyText());
    }

    @Test
    void acceptPart_binaryParts_joinedAsHexAndFlagged() {
        ConcatKey key = new ConcatKey(ConcatScheme.UDH_8BIT_REF, 8, 2);
        for (int seq = 1; seq <= 2; seq++) {
            intake.acceptPart(new InboundPart(REPORTER, "156", "smsc-a", T0, key, seq,
                    new PartContent.Binary("05000308020" + seq + "ff")));
        }

        StoredReport report = stored().get(0);
        assertEquals("0500030802" + "01ff" + "0500030802" + "02ff", report.rawText());
        assertTrue(report.flags().contains(ReportFlag.BINARY));
    }

    // --- parts stored one by one ---

    @Test
    void acceptPart_allPartsOutOfOrder_storesOneReportWithWholeText() {
        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(3, 3, " cong an")));
        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(1, 3, "LD 0987654321 goi")));
        assertTrue(stored().isEmpty());
        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(2, 3, " gia danh")));
        List<StoredReport> stored = stored();
        assertEquals(1, stored.size());
        assertEquals("LD 0987654321 goi gia danh cong an", stored.get(0).rawText());
        assertEquals("goi gia danh cong an", stored.get(0).content());
        assertEquals(T0.plusSeconds(1), stored.get(0).receivedAt());
        assertEquals(List.of("ACK"), fx.replyKinds(stored.get(0).caseId().value()));
        assertEquals(1, police.cases().size());
        assertEquals(1, intake.storedCount(), "a reassembled message counts as stored");
        assertEquals(3, intake.partCount());
    }

    @Test
    void acceptPart_reassembledMessageTheParserRejects_isCountedByItsReason() {
        intake.acceptPart(part(1, 2, "xin chao "));
        intake.acceptPart(part(2, 2, "ban oi"));
        intake.accept(IntakeContract.mo(REPORTER, "V"));

        assertEquals(1, intake.rejectedCount(Rejection.UNKNOWN_COMMAND), "the reassembled one");
        assertEquals(1, intake.rejectedCount(Rejection.MISSING_SOURCE), "the whole one");
        assertEquals(0, intake.rejectedCount(Rejection.INVALID_NUMBER));
    }

    @Test
    void acceptPart_duplicatePart_isIgnored() {
        intake.acceptPart(part(1, 2, "LD 0987654321 "));
        assertEquals(new IntakeResult.PartStored(true), intake.acceptPart(part(1, 2, "LD 0987654321 ")));
        intake.acceptPart(part(2, 2, "lua dao"));
        assertEquals(1, stored().size());
    }

    @Test
    void acceptPart_partNumberAgainWithOtherTextWhileOpen_isDuplicateAndTheFirstIsKept() {
        intake.acceptPart(part(1, 2, "LD 0987654321 "));
        assertEquals(new IntakeResult.PartStored(true), intake.acceptPart(part(1, 2, "S 0987654321 ")));
        intake.acceptPart(part(2, 2, "lua dao"));

        assertEquals("LD 0987654321 lua dao", onlyText());
    }

    @Test
    void acceptPart_redeliveredAfterReassembly_isDuplicateNotANewMessage() {
        intake.acceptPart(part(1, 2, "LD 0987654321 "));
        intake.acceptPart(part(2, 2, "lua dao"));
        assertEquals(new IntakeResult.PartStored(true), intake.acceptPart(part(2, 2, "lua dao")));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, intake.sweepParts());
        assertEquals(1, stored().size());
        assertEquals(1, fx.replyBodies().size());
    }

    @Test
    void acceptPart_sameLongReportSentAgainUnderANewReference_isOneReportWithOneReply() {
        intake.acceptPart(part(1, 2, "LD 0987654321 "));
        intake.acceptPart(part(2, 2, "lua dao"));
        ConcatKey again = new ConcatKey(ConcatScheme.UDH_8BIT_REF, 78, 2); // the handset's next reference
        intake.acceptPart(part(again, 1, TextCoding.UCS2, ucs2("LD 0987654321 ")));
        intake.acceptPart(part(again, 2, TextCoding.UCS2, ucs2("lua dao")));

        assertEquals("LD 0987654321 lua dao", onlyText());
        assertEquals(1, fx.replyBodies().size(), "as for the same single SMS sent twice");
        assertEquals(1, police.cases().size());
    }

    @Test
    void acceptPart_otherTextUnderTheKeyOfAMessageStoredWhole_isANewMessage() {
        intake.acceptPart(part(1, 2, "LD 0987654321 "));
        intake.acceptPart(part(2, 2, "lua dao"));

        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(1, 2, "V 0987654322 ")));
        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(2, 2, "rac")));

        assertEquals(List.of("LD 0987654321 lua dao", "V 0987654322 rac"),
                stored().stream().map(StoredReport::rawText).toList());
    }

    @Test
    void sweepParts_missingPartAfterTimeout_storesIncompleteMessage() {
        intake.acceptPart(part(1, 3, "LD 0987654321 goi"));
        intake.acceptPart(part(3, 3, " cong an"));
        assertEquals(0, intake.sweepParts());
        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, intake.sweepParts());
        List<StoredReport> stored = stored();
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).flags().contains(ReportFlag.INCOMPLETE));
        assertEquals("LD 0987654321 goi cong an", stored.get(0).rawText());
        assertEquals("LD", stored.get(0).command());
        assertEquals(0, intake.sweepParts());
        assertEquals(1, intake.storedCount(), "a message closed incomplete counts as stored");
    }

    // --- late parts ---

    /** Parts 1 and 3 of 3, stored incomplete at the timeout; returns the case. */
    private CaseId storedIncomplete() {
        intake.acceptPart(part(1, 3, "LD 0987654321 goi"));
        intake.acceptPart(part(3, 3, " cong an"));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, intake.sweepParts());
        return stored().get(0).caseId();
    }

    @Test
    void acceptPart_afterItsMessageWasStoredIncomplete_keptWithTheCaseAndNeitherStoredNorAnswered() {
        CaseId caseId = storedIncomplete();

        IntakeResult late = intake.acceptPart(part(2, 3, " gia danh"));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(0, intake.sweepParts());

        assertEquals(new IntakeResult.LatePart(caseId), late);
        assertEquals(1, stored().size(), "no second message");
        assertEquals(List.of("ACK"), fx.replyKinds(caseId.value()));
        assertEquals(1, fx.replyBodies().size(), "no second reply");
        assertEquals(1, police.cases().size());
        assertEquals(1, blocklists.votes());
        List<StoredPart> parts = lateParts(caseId);
        assertEquals(1, parts.size());
        assertEquals(2, parts.get(0).seq());
        assertEquals(" gia danh", parts.get(0).content().text());
        assertEquals(T0.plusSeconds(2), parts.get(0).receivedAt());
        assertEquals(1, intake.latePartCount());
        assertEquals(1, intake.storedCount());
    }

    @Test
    void acceptPart_latePartRedelivered_isDuplicate() {
        CaseId caseId = storedIncomplete();
        intake.acceptPart(part(2, 3, " gia danh"));

        assertEquals(new IntakeResult.PartStored(true), intake.acceptPart(part(2, 3, " gia danh")));

        assertEquals(1, lateParts(caseId).size());
        assertEquals(1, stored().size());
    }

    @Test
    void acceptPart_partOfAMessageStoredIncompleteRedelivered_isDuplicate() {
        CaseId caseId = storedIncomplete();

        assertEquals(new IntakeResult.PartStored(true), intake.acceptPart(part(1, 3, "LD 0987654321 goi")));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(0, intake.sweepParts());

        assertEquals(1, stored().size());
        assertTrue(lateParts(caseId).isEmpty());
    }

    @Test
    void acceptPart_otherTextForAPartTheIncompleteMessageHad_opensANewMessageThatTakesItsMissingPart() {
        storedIncomplete();

        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(1, 3, "V 0987654322 ")));
        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(2, 3, "tin ")));
        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(3, 3, "rac")));

        assertEquals(List.of("LD 0987654321 goi cong an", "V 0987654322 tin rac"),
                stored().stream().map(StoredReport::rawText).toList());
    }

    @Test
    void acceptPart_missingPartAfterTheDedupeWindow_opensANewMessage() {
        CaseId caseId = storedIncomplete();
        clock.advance(Duration.ofHours(49));
        intake.sweepParts();

        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(part(2, 3, " gia danh")));

        assertTrue(lateParts(caseId).isEmpty());
    }

    // --- keys ---

    @Test
    void acceptPart_sameReferenceUnderThreeSchemes_storedAsThreeMessages() {
        List<ConcatScheme> schemes = List.of(ConcatScheme.UDH_8BIT_REF, ConcatScheme.UDH_16BIT_REF, ConcatScheme.SAR);
        for (int seq = 1; seq <= 2; seq++) {
            for (ConcatScheme scheme : schemes) {
                String text = seq == 1 ? "S 0987654321 " : scheme.name().toLowerCase();
                assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(
                        part(new ConcatKey(scheme, 5, 2), seq, TextCoding.UCS2, ucs2(text))), scheme + " part " + seq);
            }
        }

        assertEquals(Set.of("S 0987654321 udh_8bit_ref", "S 0987654321 udh_16bit_ref", "S 0987654321 sar"),
                Set.copyOf(stored().stream().map(StoredReport::rawText).toList()));
        assertEquals(3, fx.replyBodies().size());
    }

    @Test
    void acceptPart_concurrentCallersWithPartsOfOneMessageApart_eachMessageReassembledOnce() throws Exception {
        int messages = 60;
        List<InboundPart> parts = new ArrayList<>();
        for (int m = 0; m < messages; m++) {
            String reporter = "8491" + String.format("%07d", m);
            for (int seq = 1; seq <= 3; seq++) {
                String text = seq == 1 ? "LD 0987654321 goi" : seq == 2 ? " gia danh" : " cong an " + m;
                parts.add(new InboundPart(reporter, "156", "smsc-a", T0.plusSeconds(seq),
                        new ConcatKey(ConcatScheme.UDH_8BIT_REF, m, 3), seq,
                        new PartContent.Text(TextCoding.GSM7, GsmAlphabet.encode(text))));
            }
        }
        java.util.Collections.shuffle(parts, new java.util.Random(7));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<InboundPart> mine = parts.subList(t * parts.size() / threads, (t + 1) * parts.size() / threads);
                done.add(pool.submit(() -> {
                    for (InboundPart p : mine) {
                        assertEquals(new IntakeResult.PartStored(false), intake.acceptPart(p));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<StoredReport> stored = fx.reports().after(0, 1_000);
        assertEquals(messages, stored.size());
        Set<String> texts = new HashSet<>();
        for (StoredReport r : stored) {
            assertFalse(r.flags().contains(ReportFlag.INCOMPLETE), r.rawText());
            texts.add(r.rawText());
        }
        for (int m = 0; m < messages; m++) {
            assertTrue(texts.contains("LD 0987654321 goi gia danh cong an " + m), "message " + m);
        }
        assertEquals(0, intake.sweepParts());
    }
}
