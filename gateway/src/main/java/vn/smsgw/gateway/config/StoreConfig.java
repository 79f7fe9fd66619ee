package vn.smsgw.gateway.config;

import java.nio.file.Path;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.dispatch.store.SqliteSync;

/**
 * {@code database}: empty {@code url} = the embedded SQLite store {@code <dataDir>/smsgw.db}; otherwise a
 * {@code jdbc:postgresql://…} URL with {@code user} and {@code password}. {@code sqliteSync} FULL (default) or NORMAL,
 * {@code poolSize} (default 4 for SQLite, 8 for PostgreSQL).
 */
public record StoreConfig(DatabaseConfig database, boolean embedded, SqliteSync sqliteSync) {

    static StoreConfig read(ConfigNode n, Path dataDir) {
        String url = n.string("url", "");
        SqliteSync sync = n.choice("sqliteSync", SqliteSync.FULL, SqliteSync.class);
        String user = n.string("user", "");
        String password = n.string("password", "");
        if (url.isBlank()) {
            int pool = n.integer("poolSize", 4, 1, 64);
            DatabaseConfig d = DatabaseConfig.sqlite(dataDir);
            return new StoreConfig(new DatabaseConfig(d.url(), "", "", sync, pool), true, sync);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(n.key("url") + " must be empty (embedded SQLite) or a jdbc:postgresql: URL");
        }
        int pool = n.integer("poolSize", 8, 1, 256);
        return new StoreConfig(new DatabaseConfig(url, user, password, sync, pool), false, sync);
    }
}
