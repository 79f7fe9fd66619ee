package vn.smsgw.dispatch.blocklist;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;

/**
 * The contract of the blocklist storage adapters ({@link BlocklistStore} with its sibling {@link AllowlistStore} and
 * {@link PortabilityStore}, which are always swapped together as {@link BlocklistStores}), exercised through the
 * domain classes with a fake clock. Each adapter family runs it by providing {@link #openStores()}.
 */
abstract class BlocklistStoreContract {
    static final Instant T0 = Instant.parse("2025-03-01T02:30:00Z");
    static final Source VIETTEL_NUMBER = new Source("+84981234567", SourceType.MOBILE, Carrier.VIETTEL);
    static final Source BRANDNAME = Source.brandname("VCB-FAKE");

    @TempDir
    Path dir;

    BlocklistStores stores;
    MutableClock clock;
    Allowlist allowlist;
    PortabilityOverrides portability;
    Blocklist blocklist;
    BlocklistAdmin admin;
    BlocklistExport export;

    /** A fresh, empty set of stores of the adapter family under test. */
    abstract BlocklistStores openStores();

    /** Releases what {@link #openStores()} opened. */
    void closeStores() {
    }

    @BeforeEach
    void setUp() {
        stores = openStores();
        clock = new MutableClock(T0);
        allowlist = new Allowlist(stores, clock, Allowlist.DEFAULT_REFRESH);
        portability = new PortabilityOverrides(stores, clock, Allowlist.DEFAULT_REFRESH);
        blocklist = new Blocklist(stores, allowlist, Thresholds.defaults(), clock);
        admin = new BlocklistAdmin(stores, new BlocklistAdmin.AdminParts(allowlist, portability, clock),
                CanonicalNumbers::read);
        export = new BlocklistExport(stores);
    }

    @AfterEach
    void tearDown() {
        closeStores();
    }

    // ---- helpers

    Vote vote(Source source, Command command, String reporter) {
        return new Vote(portability.listOf(source), source, command, reporter, clock.instant());
    }

    List<VoteOutcome> cast(Vote... votes) {
        return stores.transactions().inTransaction(tx -> blocklist.vote(tx, List.of(votes)));
    }

    List<VoteOutcome> castEach(Source source, Command command, String... reporters) {
        List<VoteOutcome> out = new ArrayList<>();
        for (String r : reporters) {
            out.addAll(cast(vote(source, command, r)));
        }
        return out;
    }

    BlocklistEntry entry(String list, Source source) {
        return stores.transactions().inTransaction(tx -> stores.entries().entries(tx, source.value())).stream()
                .filter(e -> e.list().equals(list)).findFirst().orElseThrow();
    }

    /** The reporter counts of the listed entries of {@code list}, in export order. */
    List<Integer> listedReporters(String list) {
        List<Integer> out = new ArrayList<>();
        stores.transactions().inTransaction(tx -> {
            stores.entries().forEachListed(tx, list, e -> out.add(e.reporters()));
            return null;
        });
        return out;
    }

    List<BlocklistEvent> changes(String list) {
        return export.changes(list, 0, 100);
    }

    String csv(String list) {
        StringWriter w = new StringWriter();
        export.writeCsv(list, w);
        return w.toString();
    }

    void listViettelNumber() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2", "r3");
    }

    // ---- voting

    @Test
    void reporters_withoutAVote_areThoseCountedSoFarOnTheList() {
        castEach(VIETTEL_NUMBER, Command.V, "r1", "r2", "r1");

        int onItsList = stores.transactions().inTransaction(tx -> blocklist.reporters(tx, "VIETTEL", VIETTEL_NUMBER));
        int elsewhere = stores.transactions().inTransaction(tx -> blocklist.reporters(tx, "MOBIFONE", VIETTEL_NUMBER));
        int unknown = stores.transactions().inTransaction(tx -> blocklist.reporters(tx, "SENDER", BRANDNAME));

        assertEquals(2, onItsList);
        assertEquals(0, elsewhere);
        assertEquals(0, unknown);
    }

    @Test
    void vote_thresholdReached_listsEntryAndAppendsEvent() {
        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2", "r3");

        assertEquals(List.of(false, false, true), out.stream().map(VoteOutcome::listedNow).toList());
        assertEquals(EntryState.LISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
        List<BlocklistEvent> events = changes("VIETTEL");
        assertEquals(1, events.size());
        assertEquals(BlocklistEvent.Kind.LISTED, events.get(0).kind());
        assertEquals("+84981234567", events.get(0).source());
        assertEquals(SourceType.MOBILE, events.get(0).sourceType());
    }

    @Test
    void vote_belowThreshold_staysCandidateWithoutEvent() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2");

        assertEquals(EntryState.CANDIDATE, entry("VIETTEL", VIETTEL_NUMBER).state());
        assertTrue(changes("VIETTEL").isEmpty());
    }

    @Test
    void vote_sameReporterTwice_countsOnce() {
        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r1", "r1", "r2", "r2");

        assertEquals(List.of(true, false, true, false), out.stream().map(VoteOutcome::counted).toList());
        assertEquals(2, out.get(3).reporters());
        assertEquals(EntryState.CANDIDATE, entry("VIETTEL", VIETTEL_NUMBER).state());
    }

    @Test
    void vote_votesOlderThanWindow_doNotCount() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2");
        clock.advance(Duration.ofDays(7).plusSeconds(1));

        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r3");

        assertFalse(out.get(0).listedNow());
        assertEquals(EntryState.CANDIDATE, entry("VIETTEL", VIETTEL_NUMBER).state());
    }

    @Test
    void vote_votesWithinWindow_count() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2");
        clock.advance(Duration.ofDays(6));

        assertTrue(castEach(VIETTEL_NUMBER, Command.LD, "r3").get(0).listedNow());
    }

    @Test
    void vote_sameReporterAfterWindow_countsAgain() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2", "r1");
        clock.advance(Duration.ofDays(8));

        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2", "r3");

        assertEquals(List.of(true, true, true), out.stream().map(VoteOutcome::counted).toList());
        assertTrue(out.get(2).listedNow());
    }

    @Test
    void vote_spamCommand_needsFiveReporters() {
        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.S, "r1", "r2", "r3", "r4", "r5");

        assertEquals(List.of(false, false, false, false, true), out.stream().map(VoteOutcome::listedNow).toList());
    }

    @Test
    void vote_commandsCountSeparately() {
        castEach(VIETTEL_NUMBER, Command.V, "r1", "r2", "r3", "r4");

        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2");

        assertEquals(EntryState.CANDIDATE, entry("VIETTEL", VIETTEL_NUMBER).state());
        assertEquals(4, out.get(1).reporters());
    }

    @Test
    void vote_configuredThreshold_isUsedForItsCommand() {
        Thresholds custom = Thresholds.defaults().with(Command.S, new Threshold(2, Duration.ofHours(1)));
        blocklist = new Blocklist(stores, allowlist, custom, clock);

        List<VoteOutcome> out = castEach(BRANDNAME, Command.S, "r1", "r2");

        assertTrue(out.get(1).listedNow());
        assertEquals(EntryState.LISTED, entry(BlocklistName.SENDER, BRANDNAME).state());
    }

    @Test
    void vote_reportersOutcome_countsDistinctReportersAcrossCommands() {
        castEach(VIETTEL_NUMBER, Command.S, "r1", "r2");

        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.V, "r2", "r3");

        assertEquals(List.of(2, 3), out.stream().map(VoteOutcome::reporters).toList());
    }

    @Test
    void vote_manyVotesInOneBatch_listsOnce() {
        Vote[] votes = new Vote[6];
        for (int i = 0; i < votes.length; i++) {
            votes[i] = vote(VIETTEL_NUMBER, Command.LD, "r" + i);
        }

        List<VoteOutcome> out = cast(votes);

        assertEquals(List.of(false, false, true, false, false, false),
                out.stream().map(VoteOutcome::listedNow).toList());
        assertEquals(1, changes("VIETTEL").size());
        assertEquals(6, entry("VIETTEL", VIETTEL_NUMBER).reporters());
    }

    @Test
    void entries_votesAfterListing_countEveryReporterInLookupsAndExports() {
        listViettelNumber();
        castEach(VIETTEL_NUMBER, Command.V, "r4", "r5");

        assertEquals(5, entry("VIETTEL", VIETTEL_NUMBER).reporters());
        assertEquals(List.of(5), listedReporters("VIETTEL"));
    }

    @Test
    void entries_inTheTransactionOfAVote_countThatVote() {
        listViettelNumber();

        List<Integer> seen = stores.transactions().inTransaction(tx -> {
            VoteOutcome out = blocklist.vote(tx, List.of(vote(VIETTEL_NUMBER, Command.V, "r4"))).get(0);
            List<Integer> counts = new ArrayList<>();
            counts.add(out.reporters());
            stores.entries().entries(tx, VIETTEL_NUMBER.value()).stream().filter(e -> e.list().equals("VIETTEL"))
                    .forEach(e -> counts.add(e.reporters()));
            stores.entries().forEachListed(tx, "VIETTEL", e -> counts.add(e.reporters()));
            return counts;
        });

        assertEquals(List.of(4, 4, 4), seen, "the vote's outcome, the lookup and the export in its transaction");
    }

    @Test
    void vote_delistedEntry_isNotRelistedByNewVotes() {
        listViettelNumber();
        admin.delist("VIETTEL", VIETTEL_NUMBER.value(), "carrier verified subscriber", "op1");

        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r4", "r5", "r6");

        assertTrue(out.stream().allMatch(VoteOutcome::counted));
        assertTrue(out.stream().noneMatch(VoteOutcome::listedNow));
        assertEquals(EntryState.DELISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
    }

    // ---- operator actions

    @Test
    void delistRelistAndAuditTrail_numberInItsLocalForm_findTheEntry() {
        listViettelNumber();
        String local = "0" + VIETTEL_NUMBER.value().substring(3); // +84981234567 as 0981234567
        BlocklistAdmin planned = new BlocklistAdmin(stores, allowlist, portability, clock); // the numbering plan's

        assertInstanceOf(AdminOutcome.Applied.class, planned.delist("VIETTEL", local, "false positive", "op1"));
        assertInstanceOf(AdminOutcome.Applied.class, planned.relist("VIETTEL", local, "confirmed", "op1"));

        assertEquals(List.of(AuditRecord.Action.DELIST, AuditRecord.Action.RELIST),
                planned.auditTrail(local).stream().map(AuditRecord::action).toList());
        assertEquals(EntryState.LISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
    }

    @Test
    void delist_listedEntry_appendsDelistedEventAndAudit() {
        listViettelNumber();
        clock.advance(Duration.ofHours(1));

        AdminOutcome out = admin.delist("VIETTEL", VIETTEL_NUMBER.value(), "false positive", "op1");

        assertInstanceOf(AdminOutcome.Applied.class, out);
        BlocklistEvent last = changes("VIETTEL").get(1);
        assertEquals(BlocklistEvent.Kind.DELISTED, last.kind());
        assertEquals("false positive", last.reason());
        assertEquals(clock.instant(), last.at());
        List<AuditRecord> trail = admin.auditTrail(VIETTEL_NUMBER.value());
        assertEquals(1, trail.size());
        assertEquals(new AuditRecord(clock.instant(), "op1", AuditRecord.Action.DELIST, "VIETTEL",
                VIETTEL_NUMBER.value(), "false positive"), trail.get(0));
    }

    @Test
    void delist_unknownEntry_returnsUnknownEntry() {
        AdminOutcome out = admin.delist("VIETTEL", "+84981111111", "no such thing", "op1");

        assertInstanceOf(AdminOutcome.UnknownEntry.class, out);
    }

    @Test
    void delist_candidate_returnsWrongStateAndChangesNothing() {
        castEach(VIETTEL_NUMBER, Command.LD, "r1");

        AdminOutcome out = admin.delist("VIETTEL", VIETTEL_NUMBER.value(), "pre-emptive", "op1");

        assertEquals(new AdminOutcome.WrongState(EntryState.CANDIDATE), out);
        assertTrue(changes("VIETTEL").isEmpty());
        assertTrue(admin.auditTrail(VIETTEL_NUMBER.value()).isEmpty());
    }

    @Test
    void delist_blankReason_isRejected() {
        listViettelNumber();

        assertThrows(IllegalArgumentException.class,
                () -> admin.delist("VIETTEL", VIETTEL_NUMBER.value(), " ", "op1"));
        assertEquals(EntryState.LISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
    }

    @Test
    void delist_unknownList_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> admin.delist("NOKIA", VIETTEL_NUMBER.value(), "reason", "op1"));
    }

    @Test
    void relist_delistedEntry_listsAgainWithEventAndAudit() {
        listViettelNumber();
        admin.delist("VIETTEL", VIETTEL_NUMBER.value(), "appeal", "op1");

        AdminOutcome out = admin.relist("VIETTEL", VIETTEL_NUMBER.value(), "appeal rejected", "op2");

        assertInstanceOf(AdminOutcome.Applied.class, out);
        assertEquals(EntryState.LISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
        assertEquals(List.of(BlocklistEvent.Kind.LISTED, BlocklistEvent.Kind.DELISTED, BlocklistEvent.Kind.LISTED),
                changes("VIETTEL").stream().map(BlocklistEvent::kind).toList());
        assertEquals(List.of(AuditRecord.Action.DELIST, AuditRecord.Action.RELIST),
                admin.auditTrail(VIETTEL_NUMBER.value()).stream().map(AuditRecord::action).toList());
    }

    @Test
    void relist_listedEntry_returnsWrongState() {
        listViettelNumber();

        assertEquals(new AdminOutcome.WrongState(EntryState.LISTED),
                admin.relist("VIETTEL", VIETTEL_NUMBER.value(), "again", "op1"));
    }

    // ---- allowlist

    @Test
    void isAllowlisted_builtInNumbers_areAllowlisted() {
        for (String s : List.of("113", "114", "115", "156", "5656")) {
            assertTrue(blocklist.isAllowlisted(s), s);
        }
        assertFalse(blocklist.isAllowlisted(VIETTEL_NUMBER.value()));
    }

    @Test
    void allow_listedSource_delistsItEverywhereWithAudit() {
        listViettelNumber();

        int delisted = admin.allow(VIETTEL_NUMBER.value(), "bank hotline", "op1");

        assertEquals(1, delisted);
        assertTrue(blocklist.isAllowlisted(VIETTEL_NUMBER.value()));
        assertEquals(EntryState.DELISTED, entry("VIETTEL", VIETTEL_NUMBER).state());
        assertEquals(BlocklistAdmin.ALLOWLISTED, changes("VIETTEL").get(1).reason());
        assertEquals(List.of(AuditRecord.Action.ALLOW, AuditRecord.Action.DELIST),
                admin.auditTrail(VIETTEL_NUMBER.value()).stream().map(AuditRecord::action).toList());
    }

    @Test
    void vote_allowlistedSource_isNeverListed() {
        admin.allow(VIETTEL_NUMBER.value(), "government hotline", "op1");

        List<VoteOutcome> out = castEach(VIETTEL_NUMBER, Command.LD, "r1", "r2", "r3", "r4");

        assertTrue(out.stream().noneMatch(VoteOutcome::listedNow));
        assertEquals(EntryState.CANDIDATE, entry("VIETTEL", VIETTEL_NUMBER).state());
        assertTrue(changes("VIETTEL").isEmpty());
    }

    @Test
    void relist_allowlistedSource_isRefused() {
        listViettelNumber();
        admin.allow(VIETTEL_NUMBER.value(), "bank hotline", "op1");

        assertInstanceOf(AdminOutcome.Allowlisted.class,
                admin.relist("VIETTEL", VIETTEL_NUMBER.value(), "mistake", "op1"));
    }

    @Test
    void allow_sourceNoSenderCouldHave_isRefusedAndNothingStored() {
        for (String bad : List.of("Some Very Long Brand Name", "a/b", "!!!")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> admin.allow(bad, "bank", "op1"), bad);
            assertTrue(e.getMessage().startsWith("source is not a valid number"), e.getMessage());
            assertFalse(blocklist.isAllowlisted(bad), bad);
        }
        admin.allow("Vcb", "bank brandname", "op1");
        assertTrue(blocklist.isAllowlisted("VCB"), "a brandname, keyed in upper case");
    }

    @Test
    void allow_senderAsTheReportGrammarTakesIt_matchesWhatReportsOfItCarry() {
        admin.allow("A&T_Shop", "a shop the parser reports as A&T_Shop", "op1");
        admin.allow("TPBank.", "typed with a trailing dot, reported without", "op1");

        assertTrue(blocklist.isAllowlisted("A&T_SHOP"));
        assertTrue(blocklist.isAllowlisted("TPBANK"));
        assertFalse(blocklist.isAllowlisted("TPBANK."));
    }

    @Test
    void allow_sourceAllowlistedAlready_auditsANewNoteButNotTheSameOneAgain() {
        admin.allow("19001234", "bank hotline", "op1");
        admin.allow("19001234", "bank hotline", "op2");
        admin.allow("19001234", "bank hotline, renamed", "op3");

        List<AuditRecord> trail = admin.auditTrail("19001234");
        assertEquals(List.of("op1", "op3"), trail.stream().map(AuditRecord::actor).toList());
        assertEquals(List.of(AuditRecord.Action.ALLOW, AuditRecord.Action.ALLOW),
                trail.stream().map(AuditRecord::action).toList());
        assertTrue(trail.get(1).reason().contains("bank hotline, renamed"), trail.get(1).reason());
    }

    @Test
    void disallow_builtInEntry_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> admin.disallow("113", "op1"));
        assertTrue(blocklist.isAllowlisted("113"));
    }

    @Test
    void disallow_operatorEntry_removesItWithAudit() {
        admin.allow("19001234", "bank", "op1");

        assertTrue(admin.disallow("19001234", "op2"));

        assertFalse(blocklist.isAllowlisted("19001234"));
        assertEquals(List.of(AuditRecord.Action.ALLOW, AuditRecord.Action.DISALLOW),
                admin.auditTrail("19001234").stream().map(AuditRecord::action).toList());
        assertFalse(admin.disallow("19001234", "op2"));
    }

    @Test
    void isAllowlisted_changeByAnotherProcess_isSeenAfterTheRefreshInterval() {
        Allowlist elsewhere = new Allowlist(stores, clock, Duration.ofSeconds(10));
        assertFalse(elsewhere.contains("19001234"));

        admin.allow("19001234", "bank", "op1");

        assertFalse(elsewhere.contains("19001234"));
        clock.advance(Duration.ofSeconds(10));
        // the check runs on a background thread shared by every cache in the JVM
        Poll.until(Duration.ofSeconds(20), () -> elsewhere.contains("19001234"), "allowlist refreshed");
    }

    @Test
    void seedDefaults_twice_storesEachBuiltInOnce() {
        admin.seedDefaults();
        admin.seedDefaults();

        assertEquals(5, allowlist.entries().size());
        assertEquals(AllowlistEntry.DEFAULT, allowlist.entries().get("5656").origin());
    }

    @Test
    void loadAllowlist_file_allowlistsValidRowsAndReportsBadLines() throws Exception {
        Path file = dir.resolve("allow.csv");
        Files.writeString(file, "number,note\n# hotlines\n+84981234567,Bank hotline\n\nnot-a-number\n9029\n"
                + "Vietcombank,Bank brandname\n");

        LoadReport report = admin.loadAllowlist(file, "op1");

        assertEquals(3, report.loaded());
        assertEquals(List.of(new LoadReport.RowProblem(5, "not a valid number, short code or brandname")),
                report.problems());
        assertTrue(blocklist.isAllowlisted("+84981234567"));
        assertTrue(blocklist.isAllowlisted("9029"));
        assertTrue(blocklist.isAllowlisted("VIETCOMBANK"), "a brandname is allowlisted by its upper-case key");
        assertEquals("Bank hotline", allowlist.entries().get("+84981234567").note());
        assertEquals(AuditRecord.Action.LOAD_ALLOWLIST, admin.auditTrail("allow.csv").get(0).action());
    }

    @Test
    void loadAllowlist_again_withoutARow_removesThatEntryButNotTheOperatorsOwn() throws Exception {
        Path file = dir.resolve("allow.csv");
        Files.writeString(file, "number,note\n+84981234567,Bank hotline\nVietcombank,Bank brandname\n");
        admin.loadAllowlist(file, "op1");
        admin.allow("19001234", "added by hand", "op2");

        Files.writeString(file, "number,note\nVietcombank,Bank brandname\n"); // the hotline is no longer the bank's
        admin.loadAllowlist(file, "op1");

        assertFalse(blocklist.isAllowlisted("+84981234567"));
        assertTrue(blocklist.isAllowlisted("VIETCOMBANK"));
        assertTrue(blocklist.isAllowlisted("19001234"), "an operator's entry is not the file's to remove");
        assertEquals(List.of(AuditRecord.Action.ALLOW, AuditRecord.Action.DISALLOW),
                admin.auditTrail("+84981234567").stream().map(AuditRecord::action).toList());
    }

    @Test
    void loadAllowlist_anOperatorsEntryInTheFile_staysTheOperatorsWhenTheFileDropsIt() throws Exception {
        admin.allow("19001234", "added by hand", "op2");
        Path file = dir.resolve("allow.csv");
        Files.writeString(file, "number,note\n19001234,also in the file\n+84981234567,Bank hotline\n");
        LoadReport report = admin.loadAllowlist(file, "op1");
        assertEquals(1, report.loaded());
        assertEquals(1, report.problems().size());
        assertEquals(2, report.problems().get(0).line());
        assertTrue(report.problems().get(0).problem().startsWith("already allowlisted (operator)"),
                report.problems().toString());

        Files.writeString(file, "number,note\n+84981234567,Bank hotline\n");
        admin.loadAllowlist(file, "op1");

        assertTrue(blocklist.isAllowlisted("19001234"));
        assertEquals("added by hand", allowlist.entries().get("19001234").note());
    }

    @Test
    void loadAllowlist_twoRowsForOneSource_theLaterIsTakenTheEarlierReportedAndALoadAgainChangesNothing()
            throws Exception {
        Path file = dir.resolve("allow.csv");
        Files.writeString(file, "number,note\n+84981234567,old hotline\n+84981234567,Bank hotline\n");

        LoadReport first = admin.loadAllowlist(file, "op1");
        admin.loadAllowlist(file, "op1");

        assertEquals(List.of(new LoadReport.RowProblem(2, "the same source as line 3, which is taken instead")),
                first.problems());
        assertEquals("Bank hotline", allowlist.entries().get("+84981234567").note());
        assertEquals(List.of(AuditRecord.Action.ALLOW),
                admin.auditTrail("+84981234567").stream().map(AuditRecord::action).toList(),
                "written once, and not again by the second load");
    }

    @Test
    void loadAllowlist_fileWithNoValidRow_removesNothing() throws Exception {
        Path file = dir.resolve("allow.csv");
        Files.writeString(file, "number,note\n+84981234567,Bank hotline\n");
        admin.loadAllowlist(file, "op1");

        Files.writeString(file, "number,note\n"); // cut short
        admin.loadAllowlist(file, "op1");

        assertTrue(blocklist.isAllowlisted("+84981234567"));
    }

    @Test
    void disallow_brandnameStoredUnderTheEarlierRule_isReachedAsTyped() {
        stores.transactions().inTransaction(tx -> stores.allowlist().put(tx,
                new AllowlistEntry("VCB.", "stored before trailing dots were trimmed", AllowlistEntry.OPERATOR,
                        clock.instant())));
        allowlist.changed();

        assertTrue(admin.disallow("VCB.", "op1"));
        assertFalse(blocklist.isAllowlisted("VCB."));
    }

    // ---- portability

    @Test
    void loadPortability_fileWithNoValidRow_keepsTheOverridesLoadedBefore() throws Exception {
        Path file = dir.resolve("mnp.csv");
        Files.writeString(file, "+84981234567,MobiFone\n");
        admin.loadPortability(file, "op1");

        Files.writeString(file, "");
        LoadReport report = admin.loadPortability(file, "op1");

        assertEquals(0, report.loaded());
        assertEquals(Carrier.MOBIFONE, portability.carrierOf(VIETTEL_NUMBER));
        assertTrue(admin.auditTrail("mnp.csv").get(1).reason().contains("no valid row"), "the refused load audited");
    }

    @Test
    void loadPortability_again_withoutANumber_removesItsOverride() throws Exception {
        Path file = dir.resolve("mnp.csv");
        Files.writeString(file, "+84981234567,MobiFone\n+84981234568,Vinaphone\n");
        admin.loadPortability(file, "op1");
        assertEquals(Carrier.MOBIFONE, portability.carrierOf(VIETTEL_NUMBER));

        Files.writeString(file, "+84981234568,Vinaphone\n"); // ported back to its allocation
        admin.loadPortability(file, "op1");

        assertEquals(Carrier.VIETTEL, portability.carrierOf(VIETTEL_NUMBER));
        assertEquals(Carrier.VINAPHONE,
                portability.carrierOf(new Source("+84981234568", SourceType.MOBILE, Carrier.VIETTEL)));
        assertTrue(admin.auditTrail("mnp.csv").get(1).reason().contains("1 overrides no longer listed removed"),
                admin.auditTrail("mnp.csv").toString());
    }

    @Test
    void listOf_portabilityOverride_movesNewVotesToTheServingCarrier() throws Exception {
        Path file = dir.resolve("mnp.csv");
        Files.writeString(file, "msisdn,carrier\n+84981234567,MobiFone\n");
        assertEquals("VIETTEL", portability.listOf(VIETTEL_NUMBER));

        admin.loadPortability(file, "op1");
        listViettelNumber();

        assertEquals(Carrier.MOBIFONE, portability.carrierOf(VIETTEL_NUMBER));
        assertEquals(EntryState.LISTED, entry("MOBIFONE", VIETTEL_NUMBER).state());
        assertEquals(1, changes("MOBIFONE").size());
        assertTrue(changes("VIETTEL").isEmpty());
    }

    @Test
    void loadPortability_badRows_areReportedWithLineNumbers() throws Exception {
        Path file = dir.resolve("mnp.csv");
        Files.writeString(file, "+84981234567,VIETTEL\n+84981234568,NOKIA\n9029,VIETTEL\n+84981234569,vinaphone\n");

        LoadReport report = admin.loadPortability(file, "op1");

        assertEquals(2, report.loaded());
        assertEquals(List.of(new LoadReport.RowProblem(2, "unknown carrier"),
                new LoadReport.RowProblem(3, "not a valid mobile number")), report.problems());
        assertEquals(Carrier.VINAPHONE,
                portability.carrierOf(new Source("+84981234569", SourceType.MOBILE, Carrier.VIETTEL)));
    }

    @Test
    void loadPortability_aNumberListedTwiceInAnyForm_isOneOverrideTheLaterRowWinning() throws Exception {
        Path file = dir.resolve("mnp.csv");
        Files.writeString(file, "msisdn,carrier\n0981234567,Vinaphone\n+84981234568,VIETTEL\n"
                + "+84981234567,MobiFone\n");

        LoadReport report = new BlocklistAdmin(stores, allowlist, portability, clock).loadPortability(file, "op1");

        assertEquals(2, report.loaded());
        assertEquals(List.of(new LoadReport.RowProblem(2, "the same number as line 4, which is taken instead")),
                report.problems());
        assertEquals(Carrier.MOBIFONE, portability.carrierOf(VIETTEL_NUMBER));
    }

    @Test
    void listOf_brandnameAndShortCode_goToTheSenderList() {
        assertEquals(BlocklistName.SENDER, portability.listOf(BRANDNAME));
        assertEquals(BlocklistName.SENDER, portability.listOf(new Source("9029", SourceType.SHORT_CODE,
                Carrier.UNKNOWN)));
        assertEquals(BlocklistName.UNALLOCATED, portability.listOf(new Source("19001234", SourceType.SERVICE,
                Carrier.UNKNOWN)));
    }

    // ---- feed and exports

    @Test
    void changes_afterCursor_returnsOnlyLaterEventsOfThatList() {
        listViettelNumber();
        castEach(BRANDNAME, Command.S, "r1", "r2", "r3", "r4", "r5");
        admin.delist("VIETTEL", VIETTEL_NUMBER.value(), "appeal", "op1");
        long first = changes("VIETTEL").get(0).seq();

        List<BlocklistEvent> after = export.changes("VIETTEL", first, 100);

        assertEquals(1, after.size());
        assertEquals(BlocklistEvent.Kind.DELISTED, after.get(0).kind());
        assertTrue(after.get(0).seq() > first);
        assertEquals(1, changes(BlocklistName.SENDER).size());
        assertTrue(export.changes("VIETTEL", after.get(0).seq(), 100).isEmpty());
    }

    @Test
    void writeCsv_listedEntries_areExportedWithoutReporterData() {
        listViettelNumber();
        castEach(new Source("+84981234568", SourceType.MOBILE, Carrier.VIETTEL), Command.LD, "r1");

        String csv = csv("VIETTEL");

        assertEquals(BlocklistExport.CSV_HEADER + "\nVIETTEL,+84981234567,MOBILE,3,2025-03-01T09:30:00+07:00\n", csv);
        assertFalse(csv.contains("r1"));
    }

    @Test
    void writeCsv_delistedEntry_isNotExported() {
        listViettelNumber();
        admin.delist("VIETTEL", VIETTEL_NUMBER.value(), "appeal", "op1");

        assertEquals(BlocklistExport.CSV_HEADER + "\n", csv("VIETTEL"));
    }

    @Test
    void writeJson_listedEntries_areAnArrayWithoutReporterData() {
        listViettelNumber();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.writeJson("VIETTEL", out);

        assertEquals("[{\"list\":\"VIETTEL\",\"source\":\"+84981234567\",\"sourceType\":\"MOBILE\",\"reporters\":3,"
                + "\"listedAt\":\"2025-03-01T09:30:00+07:00\"}]", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writeJson_emptyList_isAnEmptyArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.writeJson("ITEL", out);

        assertEquals("[]", out.toString(StandardCharsets.UTF_8));
    }
}
