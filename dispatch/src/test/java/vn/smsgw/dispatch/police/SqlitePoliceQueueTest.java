package vn.smsgw.dispatch.police;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.TestServices;

class SqlitePoliceQueueTest extends PoliceQueueContract {
    @TempDir
    Path dir;

    @Override
    Fixture open(MutableClock clock) {
        Database db = TestServices.sqlite(dir);
        return new Fixture(new JdbcPoliceQueue(db, clock, VISIBILITY), new JdbcPoliceOutbox(clock), db, db);
    }

    @Test
    void add_transactionRolledBack_leavesNoCase() {
        assertThrows(StorageException.class, () -> fx.transactions().inTransaction(tx -> {
            fx.outbox().add(tx, List.of(PoliceCases.sample(PoliceCases.id(1))));
            throw new IllegalStateException("report insert failed");
        }));
        assertEquals(List.of(), queue.after(0, 10));
    }
}
