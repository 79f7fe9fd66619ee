package vn.smsgw.dispatch.outbound;

import vn.smsgw.dispatch.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

class SqliteOutboundQueueTest extends JdbcOutboundQueueContract {
    @TempDir
    Path dir;

    @Override
    Fixture open(MutableClock clock) {
        Database db = TestServices.sqlite(dir);
        return new Fixture(new JdbcOutboundQueue(db, clock), new JdbcOutbox(), db, db);
    }
}
