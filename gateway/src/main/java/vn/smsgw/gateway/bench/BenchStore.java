package vn.smsgw.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.dispatch.store.SqliteSync;

/**
 * A throw-away store for one benchmark run: SQLite in a new temporary directory, or a new schema in a PostgreSQL
 * database; removed by {@link #close}.
 */
public final class BenchStore implements AutoCloseable {

    /** The schema a PostgreSQL bench store lives in, and how to reach its database to drop it. */
    private record PgSchema(String url, String user, String password, String schema) {
    }

    private final Database database;
    private final Path sqliteDir;
    private final PgSchema pg;
    private final String url;

    private BenchStore(Database database, Path sqliteDir, PgSchema pg, String url) {
        this.database = database;
        this.sqliteDir = sqliteDir;
        this.pg = pg;
        this.url = url;
    }

    /** A migrated SQLite store in a new temporary directory, syncing as {@code sync} says. */
    public static BenchStore sqlite(SqliteSync sync) throws IOException {
        Path dir = Files.createTempDirectory("smsgw-bench-");
        DatabaseConfig c = DatabaseConfig.sqlite(dir);
        return new BenchStore(Database.open(new DatabaseConfig(c.url(), "", "", sync, 4)), dir, null, c.url());
    }

    /** A new, migrated schema in the PostgreSQL database at {@code url}, with a pool of {@code pool} connections. */
    public static BenchStore postgres(String url, String user, String password, int pool) throws SQLException {
        String schema = "bench_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String sep = url.contains("?") ? "&" : "?";
        String schemaUrl = url + sep + "currentSchema=" + schema;
        Database db = Database.open(new DatabaseConfig(schemaUrl, user, password, SqliteSync.FULL, pool));
        return new BenchStore(db, null, new PgSchema(url, user, password, schema), schemaUrl);
    }

    /** The store. */
    public Database database() {
        return database;
    }

    /** The JDBC URL of this store (a PostgreSQL one selects the schema). */
    String url() {
        return url;
    }

    /** Deletes {@code dir} and everything under it. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Closes the store and deletes it: the directory, or the schema with everything in it. */
    @Override
    public void close() throws IOException, SQLException {
        database.close();
        if (sqliteDir != null) {
            deleteTree(sqliteDir);
        }
        if (pg != null) {
            try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + pg.schema() + " CASCADE");
            }
        }
    }
}
