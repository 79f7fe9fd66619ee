package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchStatementsTest {
    @TempDir
    Path dir;

    @Test
    void prepare_sameSql_sameStatementWithParametersCleared_closedAtTheEnd() {
        try (Database db = TestServices.sqlite(dir)) {
            db.read(tx -> {
                PreparedStatement first;
                PreparedStatement other;
                try (BatchStatements statements = new BatchStatements(JdbcTx.of(tx).connection())) {
                    first = statements.prepare("SELECT ? + 1");
                    first.setInt(1, 41);
                    try (ResultSet rs = first.executeQuery()) {
                        rs.next();
                        assertEquals(42, rs.getInt(1));
                    }
                    PreparedStatement again = statements.prepare("SELECT ? + 1");
                    assertSame(first, again);
                    again.setInt(1, 1);
                    try (ResultSet rs = again.executeQuery()) {
                        rs.next();
                        assertEquals(2, rs.getInt(1));
                    }
                    other = statements.prepare("SELECT ? + 2");
                    assertNotSame(first, other);
                }
                assertTrue(first.isClosed());
                assertTrue(other.isClosed());
                return null;
            });
        }
    }
}
