package vn.smsgw.dispatch.blocklist;

import java.util.Objects;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.Transactions;

/** The blocklist's storage ports and the transactions they run in, from one adapter family. */
public record BlocklistStores(Transactions transactions, BlocklistStore entries, AllowlistStore allowlist,
                              PortabilityStore portability) {
    public BlocklistStores {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(allowlist, "allowlist");
        Objects.requireNonNull(portability, "portability");
    }

    /** The JDBC adapters on {@code database} (SQLite or PostgreSQL). */
    public static BlocklistStores jdbc(Database database) {
        return new BlocklistStores(database, new JdbcBlocklistStore(), new JdbcAllowlistStore(),
                new JdbcPortabilityStore());
    }

    /** Fresh in-memory adapters (no durability, no rollback): for tests and the demo. */
    public static BlocklistStores inMemory() {
        return new BlocklistStores(new vn.smsgw.dispatch.store.InMemoryTransactions(), new InMemoryBlocklistStore(),
                new InMemoryAllowlistStore(), new InMemoryPortabilityStore());
    }
}
