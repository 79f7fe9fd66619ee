package vn.smsgw.dispatch.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real services the contract tests run against: SQLite in a temporary directory, PostgreSQL on 127.0.0.1:5432
 * (a fresh schema per call, dropped when the test JVM exits) and RabbitMQ on 127.0.0.1:5672. When {@code CI=true} an
 * unreachable service fails the test; elsewhere the test is skipped with a message naming the service.
 */
public final class TestServices {
    public static final String PG_HOST = env("SMSGW_TEST_PG_HOST", "127.0.0.1");
    public static final int PG_PORT = Integer.parseInt(env("SMSGW_TEST_PG_PORT", "5432"));
    public static final String PG_USER = env("SMSGW_TEST_PG_USER", "postgres");
    public static final String RABBIT_HOST = env("SMSGW_TEST_RABBIT_HOST", "127.0.0.1");
    public static final int RABBIT_PORT = Integer.parseInt(env("SMSGW_TEST_RABBIT_PORT", "5672"));

    /** The schemas this JVM created, dropped at its exit: left behind, every test run added a hundred or more. */
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestServices::dropCreated, "drop-test-schemas"));
    }

    private TestServices() {
    }

    /** A connection factory for the test broker on {@code port} (another port to test a refused connection). */
    public static com.rabbitmq.client.ConnectionFactory rabbitFactory(int port) {
        com.rabbitmq.client.ConnectionFactory f = new com.rabbitmq.client.ConnectionFactory();
        f.setHost(RABBIT_HOST);
        f.setPort(port);
        f.setConnectionTimeout(2_000);
        f.setAutomaticRecoveryEnabled(false);
        return f;
    }

    /**
     * Drops the schemas this JVM created. A schema that a connection still holds a lock in (a transaction left open)
     * is left as it is after two seconds, so that the JVM's exit never waits on it.
     */
    private static void dropCreated() {
        if (CREATED.isEmpty()) {
            return;
        }
        String url = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/test";
        try (Connection c = DriverManager.getConnection(url, PG_USER, "");
             Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '2s'");
            for (String schema : CREATED) {
                try {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    System.err.println("test schema " + schema + " left in place: " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            System.err.println("test schemas left in place: " + e.getMessage());
        }
    }

    /** A new SQLite database under {@code dir}. */
    public static Database sqlite(Path dir) {
        return Database.open(DatabaseConfig.sqlite(dir));
    }

    /** A new, empty PostgreSQL schema in database {@code test}, migrated. */
    public static Database postgres() {
        return Database.open(postgresConfig(freshPostgresSchema()));
    }

    /** Config for an existing schema (e.g. one shared by two processes). */
    public static DatabaseConfig postgresConfig(String schema) {
        return DatabaseConfig.postgres(
                "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/test?currentSchema=" + schema, PG_USER, "");
    }

    /** Binds the parameters of a statement to be explained. */
    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement ps, Connection c) throws SQLException;
    }

    /**
     * The lines of PostgreSQL's {@code EXPLAIN} of {@code sql} in a new, migrated schema, after running {@code setup}
     * there (rows, an ANALYZE), with the parameters {@code parameters} binds: for tests of the plans the server
     * chooses on given statistics.
     */
    public static List<String> explainInFreshSchema(List<String> setup, String sql, Parameters parameters) {
        try (Database fresh = postgres()) {
            return fresh.inTransaction(tx -> {
                Connection c = JdbcTx.of(tx).connection();
                try (Statement st = c.createStatement()) {
                    for (String statement : setup) {
                        st.execute(statement);
                    }
                }
                List<String> lines = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                    parameters.bind(ps, c);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            lines.add(rs.getString(1).strip());
                        }
                    }
                }
                return lines;
            });
        }
    }

    /** Creates a uniquely named empty schema and returns its name. */
    public static String freshPostgresSchema() {
        requireReachable("PostgreSQL", PG_HOST, PG_PORT);
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/test";
        try (Connection c = DriverManager.getConnection(url, PG_USER, "");
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            CREATED.add(schema);
        } catch (SQLException e) {
            unavailable("PostgreSQL", e.getMessage());
        }
        return schema;
    }

    /** Fails (CI) or skips unless RabbitMQ accepts TCP connections. */
    public static void requireRabbit() {
        requireReachable("RabbitMQ", RABBIT_HOST, RABBIT_PORT);
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static void requireReachable(String name, String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            unavailable(name, host + ":" + port + " unreachable (" + e.getMessage() + ")");
        }
    }

    private static void unavailable(String name, String why) {
        String msg = name + " is required for this test: " + why;
        if (inCi()) {
            Assertions.fail(msg + " (CI=true: services must be up)");
        }
        Assumptions.abort(msg + " — skipped outside CI");
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
