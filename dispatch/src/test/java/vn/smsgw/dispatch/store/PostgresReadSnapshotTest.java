package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@link Database#read} on PostgreSQL: every statement of a read sees the snapshot of its first, as on SQLite. */
class PostgresReadSnapshotTest {

    private static long groups(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM mo_group")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void read_rowCommittedBetweenTwoStatements_isSeenByNeither() {
        String schema = TestServices.freshPostgresSchema();
        try (Database reader = Database.open(TestServices.postgresConfig(schema));
             Database writer = Database.open(TestServices.postgresConfig(schema))) {
            long[] counts = reader.read(tx -> {
                Connection c = JdbcTx.of(tx).connection();
                long before = groups(c);
                writer.inTransaction(w -> {
                    try (Statement st = JdbcTx.of(w).connection().createStatement()) {
                        st.executeUpdate("INSERT INTO mo_group (group_key, parts, total, first_received_at) "
                                + "VALUES ('k', 1, 2, 0)");
                    }
                    return null;
                });
                return new long[] {before, groups(c)};
            });

            assertEquals(counts[0], counts[1], "one snapshot for the whole read");
            assertEquals(counts[0] + 1, (long) reader.read(tx -> groups(JdbcTx.of(tx).connection())),
                    "the next read sees the commit");
        }
    }
}
