package vn.smsgw.dispatch.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.TestServices;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;

class PostgresBlocklistStoreTest extends BlocklistStoreContract {
    private Database db;

    @Override
    BlocklistStores openStores() {
        db = TestServices.postgres();
        return BlocklistStores.jdbc(db);
    }

    @Override
    void closeStores() {
        if (db != null) {
            db.close();
        }
    }

    /**
     * The entry rows a listing locks are found by the index however many entries there are: the plan made while the
     * table was small (the statement's generic plan, from its sixth execution on a connection) read the whole table
     * for every listing as it grew, until the next ANALYZE.
     */
    @Test
    void lockListing_afterTheTableGrew_findsTheRowsByTheIndex() {
        vn.smsgw.dispatch.store.DatabaseConfig shared = TestServices.postgresConfig(TestServices.freshPostgresSchema());
        try (Database one = Database.open(new vn.smsgw.dispatch.store.DatabaseConfig(shared.url(), shared.user(),
                shared.password(), shared.sqliteSync(), 1))) {
            BlocklistStore entries = BlocklistStores.jdbc(one).entries();
            List<String> sources = List.of("+84981234500", "+84981234501");
            entriesFrom(one, 1_000_000, 1_000_100);
            one.inTransaction(tx -> {
                try (java.sql.Statement st = JdbcTx.of(tx).connection().createStatement()) {
                    // an ANALYZE by autovacuum after the growth would drop the cached plan and hide the scan
                    st.execute("ALTER TABLE blocklist_entry SET (autovacuum_enabled = false)");
                    st.execute("ANALYZE blocklist_entry");
                }
                return null;
            });
            for (int i = 0; i < 10; i++) {
                one.inTransaction(tx -> {
                    entries.lockListing(tx, sources);
                    return null;
                });
            }
            entriesFrom(one, 1_000_100, 1_030_000); // and no ANALYZE since, as between two runs of autovacuum
            long seqScans = one.inTransaction(tx -> {
                // this backend's counts not yet reported, earlier transactions' included: the difference is this one's
                long before = seqScans(JdbcTx.of(tx));
                entries.lockListing(tx, sources);
                return seqScans(JdbcTx.of(tx)) - before;
            });
            assertEquals(0, seqScans, "blocklist_entry read whole to lock two entries");
        }
    }

    private static void entriesFrom(Database db, int first, int last) {
        db.inTransaction(tx -> {
            try (java.sql.Statement st = JdbcTx.of(tx).connection().createStatement()) {
                st.execute("INSERT INTO blocklist_entry (list, source, source_type, state, reporters, "
                        + "first_reported_at, last_reported_at, updated_at) SELECT 'VIETTEL', '+8498' || g, "
                        + "'MOBILE', 'CANDIDATE', 1, 0, 0, 0 FROM generate_series(" + first + ", " + (last - 1)
                        + ") g");
            }
            return null;
        });
    }

    private static long seqScans(JdbcTx tx) throws java.sql.SQLException {
        try (java.sql.Statement st = tx.connection().createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT seq_scan FROM pg_stat_xact_user_tables "
                     + "WHERE relname = 'blocklist_entry' AND schemaname = current_schema()")) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void vote_twoProcessesOnOneDatabase_listEachSourceExactlyOnce() throws Exception {
        String schema = TestServices.freshPostgresSchema();
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sources.add(new Source("+849812345" + String.format("%02d", i), SourceType.MOBILE, Carrier.VIETTEL));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database a = Database.open(TestServices.postgresConfig(schema));
             Database b = Database.open(TestServices.postgresConfig(schema))) {
            Future<Integer> fromA = pool.submit(() -> castAll(a, "a", sources, 1));
            Future<Integer> fromB = pool.submit(() -> castAll(b, "b", sources, 2));

            assertEquals(sources.size(), fromA.get() + fromB.get());
            List<BlocklistEvent> events = new BlocklistExport(BlocklistStores.jdbc(a)).changes("VIETTEL", 0, 1_000);
            assertEquals(sources.size(), events.size());
            assertEquals(sources.size(), events.stream().map(BlocklistEvent::source).distinct().count());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An operator allowlists a source while another process's intake has just listed it and not committed yet: the
     * allowlisting waits for that listing and delists the source, instead of reading the entry as a candidate,
     * delisting nothing and leaving the source LISTED though allowlisted.
     */
    @Test
    void allow_whileAListingOfTheSourceIsUncommitted_delistsItOnceThatCommits() throws Exception {
        String schema = TestServices.freshPostgresSchema();
        Source source = new Source("+84981234599", SourceType.MOBILE, Carrier.VIETTEL);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database a = Database.open(TestServices.postgresConfig(schema));
             Database b = Database.open(TestServices.postgresConfig(schema))) {
            Clock clock = Clock.systemUTC();
            Blocklist intake = intakeWithTwoVotes(a, source, clock);
            CountDownLatch listed = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<Boolean> listing = pool.submit(() -> a.inTransaction(tx -> {
                boolean now = intake.vote(tx, List.of(new Vote("VIETTEL", source, Command.LD, "r3",
                        Instant.now()))).get(0).listedNow();
                listed.countDown();
                await(commit);
                return now;
            }));
            assertTrue(listed.await(10, TimeUnit.SECONDS), "the third reporter lists the source, uncommitted");
            BlocklistStores operatorStores = BlocklistStores.jdbc(b);
            BlocklistAdmin operator = operator(operatorStores, clock);
            Future<Integer> allowing = pool.submit(() -> operator.allow(source.value(), "a bank's hotline", "op1"));

            // the allowlisting either finished, having seen no LISTED entry, or waits for the listing's rows
            Poll.until(Duration.ofSeconds(10), () -> allowing.isDone() || waitingForTheEntryLock(a),
                    "the allowlisting done or waiting");
            commit.countDown();

            assertTrue(listing.get(10, TimeUnit.SECONDS));
            assertEquals(1, allowing.get(10, TimeUnit.SECONDS), "delisted from VIETTEL");
            List<BlocklistEntry> entries = b.read(tx -> operatorStores.entries().entries(tx, source.value()));
            assertEquals(EntryState.DELISTED, entries.get(0).state());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An allowlist file is loaded while another process's intake holds the entry row of one of its sources and is
     * about to list another source: the load takes every row it needs before the listing lock, so it waits for the
     * intake instead of holding that lock while it waits for the row (which deadlocked, one of the two failing).
     */
    @Test
    void loadAllowlist_whileIntakeHoldsTheRowOfASecondSourceAndListsAnother_bothCommit(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String schema = TestServices.freshPostgresSchema();
        Source held = new Source("+84981234591", SourceType.MOBILE, Carrier.VIETTEL);
        Source listed = new Source("+84981234592", SourceType.MOBILE, Carrier.VIETTEL);
        java.nio.file.Path file = dir.resolve("allow.csv");
        java.nio.file.Files.writeString(file, "number,note\n+84981234590,hotline\n" + held.value() + ",hotline\n");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database a = Database.open(TestServices.postgresConfig(schema));
             Database b = Database.open(TestServices.postgresConfig(schema))) {
            Clock clock = Clock.systemUTC();
            Blocklist intake = intakeWithTwoVotes(a, listed, clock);
            a.inTransaction(tx -> intake.vote(tx, List.of(new Vote("VIETTEL", held, Command.V, "r8", Instant.now()))));
            CountDownLatch rowHeld = new CountDownLatch(1);
            CountDownLatch goOn = new CountDownLatch(1);
            Future<Boolean> listing = pool.submit(() -> a.inTransaction(tx -> {
                intake.vote(tx, List.of(new Vote("VIETTEL", held, Command.V, "r9", Instant.now())));
                rowHeld.countDown();
                await(goOn);
                return intake.vote(tx, List.of(new Vote("VIETTEL", listed, Command.LD, "r3", Instant.now())))
                        .get(0).listedNow();
            }));
            assertTrue(rowHeld.await(10, TimeUnit.SECONDS), "the intake holds the entry row of the second source");
            BlocklistStores operatorStores = BlocklistStores.jdbc(b);
            BlocklistAdmin operator = operator(operatorStores, clock);
            Future<LoadReport> loading = pool.submit(() -> operator.loadAllowlist(file, "op1"));
            Poll.until(Duration.ofSeconds(10), () -> loading.isDone() || waitingForALock(a),
                    "the load done or waiting for the row");
            goOn.countDown();

            assertTrue(listing.get(20, TimeUnit.SECONDS), "the intake lists the other source");
            assertEquals(2, loading.get(20, TimeUnit.SECONDS).loaded());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two processes load portability files at once: the second waits for the first and replaces its overrides, instead
     * of both reading the same latest stamp and each keeping the other's rows beside its own.
     */
    @Test
    void replacePortability_twoProcessesAtOnce_theLaterLoadIsTheWholeTable() throws Exception {
        String schema = TestServices.freshPostgresSchema();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database a = Database.open(TestServices.postgresConfig(schema));
             Database b = Database.open(TestServices.postgresConfig(schema))) {
            PortabilityStore storeA = BlocklistStores.jdbc(a).portability();
            PortabilityStore storeB = BlocklistStores.jdbc(b).portability();
            Instant now = Instant.parse("2025-03-01T00:00:00Z");
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<Integer> first = pool.submit(() -> a.inTransaction(tx -> {
                int removed = storeA.replace(tx, List.of(new PortabilityOverride("+84981234567", Carrier.MOBIFONE)),
                        now);
                written.countDown();
                await(commit);
                return removed;
            }));
            assertTrue(written.await(10, TimeUnit.SECONDS), "the first load written, uncommitted");
            Future<Integer> second = pool.submit(() -> b.inTransaction(tx -> storeB.replace(tx,
                    List.of(new PortabilityOverride("+84981234568", Carrier.VINAPHONE)), now)));
            Poll.until(Duration.ofSeconds(10), () -> second.isDone() || waitingForALock(a),
                    "the second load done or waiting");
            commit.countDown();

            assertEquals(0, first.get(10, TimeUnit.SECONDS));
            assertEquals(1, second.get(10, TimeUnit.SECONDS), "the first load's override replaced");
            assertEquals(java.util.Set.of("+84981234568"), b.read(tx -> storeB.all(tx).keySet()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether a backend waits for a lock. */
    private static boolean waitingForALock(Database db) {
        return waitingForALock(db, "");
    }

    /** Whether a backend waits for a lock in a statement that starts with {@code statementStart}. */
    private static boolean waitingForALock(Database db, String statementStart) {
        return db.read(tx -> {
            try (var ps = JdbcTx.of(tx).connection().prepareStatement("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query LIKE ?")) {
                ps.setString(1, statementStart + "%");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Intake's blocklist on {@code db}, with two reporters' LD votes for {@code source}: a third lists it. */
    private static Blocklist intakeWithTwoVotes(Database db, Source source, Clock clock) {
        BlocklistStores stores = BlocklistStores.jdbc(db);
        Blocklist intake = new Blocklist(stores, new Allowlist(stores, clock, Allowlist.DEFAULT_REFRESH),
                Thresholds.defaults(), clock);
        for (String reporter : List.of("r1", "r2")) {
            db.inTransaction(tx -> intake.vote(tx, List.of(new Vote("VIETTEL", source, Command.LD, reporter,
                    Instant.now()))));
        }
        return intake;
    }

    private static BlocklistAdmin operator(BlocklistStores stores, Clock clock) {
        return new BlocklistAdmin(stores, new Allowlist(stores, clock, Allowlist.DEFAULT_REFRESH),
                new PortabilityOverrides(stores, clock, Allowlist.DEFAULT_REFRESH), clock);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether a backend waits for a row lock in {@link JdbcBlocklistStore#lockListing}'s statement. */
    private static boolean waitingForTheEntryLock(Database db) {
        return waitingForALock(db, "SELECT 1 FROM blocklist_entry WHERE source");
    }

    /**
     * A change of state finds its entry through an index on list, source and state, even in a table the server has no
     * statistics for yet (a new database, before autovacuum's first ANALYZE): with the old index on (list, state) the
     * planner chose it and read every candidate of the list to find one.
     */
    @Test
    void stateChange_withoutStatistics_findsTheEntryByItsSource() {
        List<String> plan = TestServices.explainInFreshSchema(List.of("INSERT INTO blocklist_entry (list, source, "
                        + "source_type, state, reporters, first_reported_at, last_reported_at, updated_at) SELECT "
                        + "'VIETTEL', '8498' || g, 'MOBILE', 'CANDIDATE', 1, 1, 1, 1 "
                        + "FROM generate_series(1000000, 1003000) g"), JdbcBlocklistStore.TO_LISTED, (ps, c) -> {
                            ps.setString(1, "LISTED");
                            ps.setLong(2, 2);
                            ps.setLong(3, 2);
                            ps.setString(4, "VIETTEL");
                            ps.setString(5, "84981001500");
                            ps.setString(6, "CANDIDATE");
                        });
        String joined = String.join("\n", plan);
        assertTrue(plan.stream().anyMatch(l -> l.startsWith("Index Cond:") && l.contains("source =")), joined);
        assertTrue(plan.stream().noneMatch(l -> l.startsWith("Filter:")), joined);
    }

    /** Three reporters per source, in batches of all sources in a shuffled order; returns how many it listed. */
    private static int castAll(Database db, String process, List<Source> sources, long seed) {
        BlocklistStores s = BlocklistStores.jdbc(db);
        Clock clock = Clock.systemUTC();
        Blocklist blocklist = new Blocklist(s, new Allowlist(s, clock, Allowlist.DEFAULT_REFRESH),
                Thresholds.defaults(), clock);
        Random random = new Random(seed);
        int listed = 0;
        for (int r = 0; r < 3; r++) {
            List<Vote> batch = new ArrayList<>();
            for (Source src : sources) {
                batch.add(new Vote("VIETTEL", src, Command.LD, process + r, Instant.now()));
            }
            Collections.shuffle(batch, random);
            listed += (int) db.inTransaction(tx -> blocklist.vote(tx, batch)).stream()
                    .filter(VoteOutcome::listedNow).count();
        }
        return listed;
    }
}
