package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows written through {@link MultiRow} come back exactly as given, in order, on both dialects. */
class MultiRowTest {
    private static final List<Object[]> ROWS = List.of(
            new Object[] {"plain", 1L, 1},
            new Object[] {"", 0L, 0},
            new Object[] {null, null, null},
            new Object[] {"NULL", Long.MIN_VALUE, Integer.MIN_VALUE},
            new Object[] {"null", Long.MAX_VALUE, Integer.MAX_VALUE},
            new Object[] {"a \"quoted\" word", -1L, -1},
            new Object[] {"back\\slash \\\" and \\\\ two", 2L, 2},
            new Object[] {"{braces},commas, and spaces ", 3L, 3},
            new Object[] {"  leading and trailing  ", 4L, 4},
            new Object[] {"LD 0912345678 gọi giả danh công an, đòi chuyển tiền", 5L, 5},
            new Object[] {"emoji \uD83D\uDE00 and tab\tnewline\nreturn\r", 6L, 6},
            new Object[] {"'single' quotes; DROP TABLE t; --", 7L, 7},
            new Object[] {"\"", 8L, 8},
            new Object[] {"\\", 9L, 9});

    @TempDir
    Path dir;

    @Test
    void postgres_awkwardValues_roundTripInOrder() {
        try (Database db = TestServices.postgres()) {
            assertEquals(expected(), roundTrip(db));
        }
    }

    @Test
    void sqlite_awkwardValues_roundTripInOrder() {
        try (Database db = TestServices.sqlite(dir)) {
            assertEquals(expected(), roundTrip(db));
        }
    }

    @Test
    void postgres_arrayLiteral_quotesEveryTextAndEscapesQuotesAndBackslashes() {
        List<Object[]> rows = List.of(new Object[] {"a\"b\\c"}, new Object[] {null}, new Object[] {"NULL"});
        assertEquals("{\"a\\\"b\\\\c\",NULL,\"NULL\"}", PgArrayLiteral.of(rows, 0));
        assertEquals("{1,NULL,-2}", PgArrayLiteral.of(List.of(new Object[] {1L}, new Object[] {null},
                new Object[] {-2}), 0));
    }

    @Test
    void roundedUp_isTheNextPowerOfTwo_withinTheChunk() {
        assertEquals(1, MultiRow.roundedUp(1, 1000));
        assertEquals(2, MultiRow.roundedUp(2, 1000));
        assertEquals(4, MultiRow.roundedUp(3, 1000));
        assertEquals(64, MultiRow.roundedUp(33, 1000));
        assertEquals(64, MultiRow.roundedUp(64, 1000));
        assertEquals(128, MultiRow.roundedUp(65, 1000));
        assertEquals(512, MultiRow.roundedUp(501, 1000));
        assertEquals(576, MultiRow.roundedUp(513, 1000));
        assertEquals(1000, MultiRow.roundedUp(961, 1000));
        assertEquals(1000, MultiRow.roundedUp(1000, 1000));
        java.util.Set<Integer> sizes = new java.util.HashSet<>();
        for (int rows = 1; rows <= 1000; rows++) {
            int n = MultiRow.roundedUp(rows, 1000);
            assertEquals(true, n >= rows && n - rows < 64, rows + " rows padded to " + n);
            sizes.add(n);
        }
        assertEquals(22, sizes.size());
    }

    @Test
    void sqlite_repeatableLookup_findsEveryKey_inFewStatementTexts() {
        try (Database db = TestServices.sqlite(dir)) {
            db.inTransaction(tx -> {
                JdbcTx t = JdbcTx.of(tx);
                try (Statement st = t.connection().createStatement()) {
                    st.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER)");
                    st.execute("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                            + "INSERT INTO kv SELECT 'k' || i, i FROM n");
                }
                java.util.Set<String> texts = new java.util.HashSet<>();
                for (int size : new int[] {1, 3, 5, 7, 33, 40, 1000, 1001, 2500}) {
                    MultiRow keys = new MultiRow(t.dialect(), "text").repeatable();
                    java.util.Map<String, Integer> found = new java.util.HashMap<>();
                    for (int i = 1; i <= size; i++) {
                        keys.add("k" + i);
                    }
                    keys.add("absent");
                    keys.forEachChunk(t, src -> {
                        texts.add(src);
                        return "WITH q (k) AS (" + src + ") SELECT kv.k, kv.v FROM q JOIN kv ON kv.k = q.k";
                    }, ps -> {
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                found.put(rs.getString(1), rs.getInt(2));
                            }
                        }
                    });
                    assertEquals(size, found.size(), "keys found of " + size);
                    for (int i = 1; i <= size; i++) {
                        assertEquals(i, found.get("k" + i), "k" + i);
                    }
                }
                // 2 to 2,501 keys (each size with "absent"), in chunks of at most 1,000: 2, 4, 8 (6 and 8 keys), 64
                // (34 and 41), 1,000 and 1 (1,001), 1,000 and 2 (1,002), 1,000 twice and 512 (2,501)
                assertEquals(java.util.Set.of(1, 2, 4, 8, 64, 512, 1000), rowCounts(texts));
                return null;
            });
        }
    }

    private static java.util.Set<Integer> rowCounts(java.util.Set<String> texts) {
        java.util.Set<Integer> counts = new java.util.HashSet<>();
        for (String text : texts) {
            counts.add(text.split("\\(", -1).length - 1);
        }
        return counts;
    }

    private static List<String> expected() {
        List<String> out = new ArrayList<>();
        for (Object[] r : ROWS) {
            out.add(Arrays.toString(r));
        }
        return out;
    }

    private static List<String> roundTrip(Database db) {
        return db.inTransaction(tx -> {
            JdbcTx t = JdbcTx.of(tx);
            try (Statement st = t.connection().createStatement()) {
                st.execute("CREATE TABLE mr (k INTEGER PRIMARY KEY, s TEXT, l BIGINT, i INTEGER)");
            }
            MultiRow rows = new MultiRow(t.dialect(), "integer", "text", "bigint", "integer");
            for (int k = 0; k < ROWS.size(); k++) {
                Object[] r = ROWS.get(k);
                rows.add(k, r[0], r[1], r[2]);
            }
            rows.forEachChunk(t, src -> "INSERT INTO mr (k, s, l, i) " + src, ps -> assertEquals(ROWS.size(),
                    ps.executeUpdate()));
            List<String> back = new ArrayList<>();
            try (Statement st = t.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT s, l, i FROM mr ORDER BY k")) {
                while (rs.next()) {
                    Object l = rs.getObject(2) == null ? null : rs.getLong(2);
                    Object i = rs.getObject(3) == null ? null : rs.getInt(3);
                    back.add(Arrays.toString(new Object[] {rs.getString(1), l, i}));
                }
            }
            return back;
        });
    }
}
