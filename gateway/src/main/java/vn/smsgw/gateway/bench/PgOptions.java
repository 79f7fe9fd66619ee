package vn.smsgw.gateway.bench;

import java.sql.SQLException;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL database a benchmark makes its throw-away schema in: {@code --pg-url}, {@code --pg-user} and
 * {@code --pg-password} (or {@code SMSGW_PG_PASSWORD}). A picocli mixin of the bench commands.
 */
public final class PgOptions {
    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test",
            description = "PostgreSQL database; a new schema is created and dropped (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--pg-user", defaultValue = "postgres", description = "Default: ${DEFAULT-VALUE}.")
    String user;

    @Option(names = "--pg-password", defaultValue = "", description = "Or set SMSGW_PG_PASSWORD.")
    String password;

    /** The password: {@code SMSGW_PG_PASSWORD} when set, else {@code --pg-password}. */
    String password() {
        return System.getenv().getOrDefault("SMSGW_PG_PASSWORD", password);
    }

    /** A new, migrated schema with a pool of {@code pool} connections; closing it drops the schema. */
    public BenchStore open(int pool) throws SQLException {
        return BenchStore.postgres(url, user, password(), pool);
    }

    /** Where the inbound benchmark's gateway connects. */
    InboundBench.PgTarget target() {
        return new InboundBench.PgTarget(url, user, password());
    }
}
