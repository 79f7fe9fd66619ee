package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session settings of the PostgreSQL connections {@link Database} opens. */
class PostgresSessionSettingsTest {

    @Test
    void open_everyConnection_hasJitOff() {
        String schema = TestServices.freshPostgresSchema();
        try (Database db = Database.open(TestServices.postgresConfig(schema))) {
            String jit = db.inTransaction(tx -> {
                try (Statement st = JdbcTx.of(tx).connection().createStatement();
                     ResultSet rs = st.executeQuery("SHOW jit")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            String read = db.read(tx -> {
                try (Statement st = JdbcTx.of(tx).connection().createStatement();
                     ResultSet rs = st.executeQuery("SHOW jit")) {
                    rs.next();
                    return rs.getString(1);
                }
            });

            assertEquals("off", jit, "a write transaction's connection");
            assertEquals("off", read, "a read's connection");
        }
    }

    private static String jit(Tx tx) throws SQLException {
        try (Statement st = JdbcTx.of(tx).connection().createStatement(); ResultSet rs = st.executeQuery("SHOW jit")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void open_connectionWhoseFirstUseIsARead_keepsJitOffAfterThatReadRollsBack() {
        String schema = TestServices.freshPostgresSchema();
        try (Database db = Database.open(TestServices.postgresConfig(schema))) {
            // a read inside a read takes a second connection, new, whose first transaction is that read
            String[] first = db.read(outer -> new String[] {jit(outer), db.read(inner -> jit(inner))});
            String[] again = db.read(outer -> new String[] {jit(outer), db.read(inner -> jit(inner))});

            assertEquals(List.of("off", "off"), List.of(first));
            assertEquals(List.of("off", "off"), List.of(again), "both connections after their first reads ended");
        }
    }
}
