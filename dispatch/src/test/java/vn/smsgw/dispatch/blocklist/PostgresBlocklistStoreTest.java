package vn.smsgw.dispatch.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.Database;
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
