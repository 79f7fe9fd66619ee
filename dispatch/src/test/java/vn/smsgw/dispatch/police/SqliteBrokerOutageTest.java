package vn.smsgw.dispatch.police;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;

class SqliteBrokerOutageTest extends BrokerOutageScenario {
    @TempDir
    Path dir;

    /*
     * One pooled connection: sqlite-jdbc begins the next transaction right after each commit, and in IMMEDIATE mode
     * that takes the write lock, so an idle second connection in the pool would hold it and starve the relay while
     * the writer threads are done. The store's SQLite pool size has to change for that; until then this test uses
     * the single connection the embedded mode needs anyway.
     */
    @Override
    List<Database> openDatabases() {
        DatabaseConfig dflt = DatabaseConfig.sqlite(dir);
        return List.of(Database.open(new DatabaseConfig(dflt.url(), "", "", dflt.sqliteSync(), 1)));
    }
}
