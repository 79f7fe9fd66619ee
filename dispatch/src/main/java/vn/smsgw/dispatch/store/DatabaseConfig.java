package vn.smsgw.dispatch.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives. {@code url} is {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://…}; {@code user} and
 * {@code password} may be empty (SQLite ignores them); {@code poolSize} ≥ 1.
 */
public record DatabaseConfig(String url, String user, String password, SqliteSync sqliteSync, int poolSize) {

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(sqliteSync, "sqliteSync");
        Dialect.ofUrl(url);
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1: " + poolSize);
        }
    }

    /** The embedded default: {@code <dataDir>/smsgw.db}, WAL, full sync. */
    public static DatabaseConfig sqlite(Path dataDir) {
        return new DatabaseConfig("jdbc:sqlite:" + dataDir.resolve("smsgw.db"), "", "", SqliteSync.FULL, 4);
    }

    public static DatabaseConfig postgres(String url, String user, String password) {
        return new DatabaseConfig(url, user, password, SqliteSync.FULL, 8);
    }

    public Dialect dialect() {
        return Dialect.ofUrl(url);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", sync=" + sqliteSync + ", pool=" + poolSize + "]";
    }
}
