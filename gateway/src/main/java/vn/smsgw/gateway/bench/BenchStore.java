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
final class BenchStore implements AutoCloseable {
    private final Database database;
    private final Path sqliteDir;
    private final String pgUrl;
    private final String pgUser;
    private final String schema;
    private final String url;

    private BenchStore(Database database, Path sqliteDir, String pgUrl, String pgUser, String schema, String url) {
        this.database = database;
        this.url = url;
        this.sqliteDir = sqliteDir;
        this.pgUrl = pgUrl;
        this.pgUser = pgUser;
        this.schema = schema;
    }

    static BenchStore sqlite(SqliteSync sync) throws IOException {
        Path dir = Files.createTempDirectory("smsgw-bench-");
        DatabaseConfig c = DatabaseConfig.sqlite(dir);
        return new BenchStore(Database.open(new DatabaseConfig(c.url(), "", "", sync, 4)), dir, null, null, null,
                c.url());
    }

    static BenchStore postgres(String url, String user, String password, int pool) throws SQLException {
        String schema = "bench_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String sep = url.contains("?") ? "&" : "?";
        String schemaUrl = url + sep + "currentSchema=" + schema;
        Database db = Database.open(new DatabaseConfig(schemaUrl, user, password, SqliteSync.FULL, pool));
        return new BenchStore(db, null, url, user, schema, schemaUrl);
    }

    Database database() {
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

    @Override
    public void close() throws IOException, SQLException {
        database.close();
        if (sqliteDir != null) {
            deleteTree(sqliteDir);
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "");
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
