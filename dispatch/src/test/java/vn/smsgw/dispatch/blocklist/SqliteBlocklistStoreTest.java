package vn.smsgw.dispatch.blocklist;

import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

class SqliteBlocklistStoreTest extends BlocklistStoreContract {
    private Database db;

    @Override
    BlocklistStores openStores() {
        db = TestServices.sqlite(dir.resolve("db"));
        return BlocklistStores.jdbc(db);
    }

    @Override
    void closeStores() {
        db.close();
    }
}
