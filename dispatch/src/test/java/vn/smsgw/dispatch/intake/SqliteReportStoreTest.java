package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.TestServices;

/** The live dedupe keys of the SQLite report store, which it holds in memory: restart, rollback, expiry. */
class SqliteReportStoreTest {
    private static final Instant T0 = Instant.parse("2025-03-01T02:30:00Z");

    @TempDir
    Path dir;

    private Database db;
    private JdbcReportStore store;

    private void open() {
        db = TestServices.sqlite(dir);
        store = new JdbcReportStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CaseId insert(String key, Instant receivedAt) {
        return db.inTransaction(tx -> {
            long id = store.allocate(tx, 1)[0];
            CaseId caseId = CaseId.fromSequence(id);
            store.insert(tx, List.of(report(id, caseId, key, receivedAt)));
            return caseId;
        });
    }

    private static NewReport report(long id, CaseId caseId, String key, Instant receivedAt) {
        InboundSms sms = new InboundSms("84912345678", "156", "V 0987654321 quang cao", "smsc", receivedAt,
                "ref-" + id, InboundSms.Form.TEXT);
        return new NewReport(id, caseId, key, sms, "+84912345678", "V", "+84987654321", "MOBILE", "VIETTEL",
                "quang cao", "", EnumSet.noneOf(ReportFlag.class), 1, receivedAt.toEpochMilli());
    }

    private Map<String, CaseId> find(String... keys) {
        return db.inTransaction(tx -> store.findByDedupeKeys(tx, List.of(keys)));
    }

    @Test
    void findByDedupeKeys_afterReopen_loadsTheKeysFromTheTable() {
        open();
        CaseId a = insert("key-a", T0);
        CaseId b = insert("key-b", T0);
        db.close();

        open();

        assertEquals(Map.of("key-a", a, "key-b", b), find("key-a", "key-b", "key-c"));
    }

    @Test
    void findByDedupeKeys_afterReopen_loadsKeysOfRowsWrittenBeforeVersion9() {
        open();
        CaseId a = insert("key-a", T0);
        CaseId old = insert("unused", T0);
        // a row as schema versions before 9 wrote it: the key in dedupe_key, dedupe_hash empty
        db.inTransaction(tx -> {
            try (Statement st = JdbcTx.of(tx).connection().createStatement()) {
                return st.executeUpdate("UPDATE report SET dedupe_key = 'key-old', dedupe_hash = NULL WHERE id = "
                        + old.sequence());
            }
        });
        db.close();

        open();

        assertEquals(Map.of("key-a", a, "key-old", old), find("key-a", "key-old", "unused"));
    }

    @Test
    void findByDedupeKeys_hexKeys_matchOnlyTheirOwnText_stagedCommittedAndReloaded() {
        String a = "0123456789abcdef0123456789abcdef";
        String nearA = "0123456789abcdef0123456789abcdee"; // last digit differs
        String highA = "1123456789abcdef0123456789abcdef"; // first digit differs
        String upperA = a.toUpperCase(Locale.ROOT); // not what the hasher makes: a text key of its own
        String longer = a + "0";
        open();
        CaseId caseA = db.inTransaction(tx -> {
            long id = store.allocate(tx, 1)[0];
            store.insert(tx, List.of(report(id, CaseId.fromSequence(id), a, T0)));
            assertEquals(Map.of(a, CaseId.fromSequence(id)),
                    store.findByDedupeKeys(tx, List.of(a, nearA, highA, upperA, longer)), "staged");
            return CaseId.fromSequence(id);
        });
        CaseId caseUpper = insert(upperA, T0);
        assertEquals(Map.of(a, caseA, upperA, caseUpper), find(a, nearA, highA, upperA, longer), "committed");
        db.close();

        open();
        assertEquals(Map.of(a, caseA, upperA, caseUpper), find(a, nearA, highA, upperA, longer), "reloaded");
        assertEquals(2, store.expireDedupeKeys(T0.plusSeconds(1).toEpochMilli()));
        assertTrue(find(a, upperA).isEmpty(), "expired");
    }

    @Test
    void findByDedupeKeys_insertRolledBack_keyIsNotLive() {
        open();
        assertThrows(StorageException.class, () -> db.inTransaction(tx -> {
            long id = store.allocate(tx, 1)[0];
            store.insert(tx, List.of(report(id, CaseId.fromSequence(id), "key-a", T0)));
            assertEquals(1, store.findByDedupeKeys(tx, List.of("key-a")).size(), "visible inside its transaction");
            throw new IllegalStateException("the batch failed");
        }));

        assertTrue(find("key-a").isEmpty());
        CaseId a = insert("key-a", T0);
        assertEquals(Map.of("key-a", a), find("key-a"));
    }

    @Test
    void expireDedupeKeys_forgetsOldKeysInMemoryAndInTheTable() {
        open();
        insert("old", T0);
        CaseId fresh = insert("fresh", T0.plusSeconds(3_600));

        assertEquals(1, store.expireDedupeKeys(T0.plusSeconds(60).toEpochMilli()));

        assertEquals(Map.of("fresh", fresh), find("old", "fresh"));
        db.close();
        open();
        assertEquals(Map.of("fresh", fresh), find("old", "fresh"));
    }

    @Test
    void expireDedupeKeys_twice_secondClearsOnlyWhatExpiredSince() {
        open();
        insert("first", T0);
        CaseId second = insert("second", T0.plusSeconds(120));
        assertEquals(0, store.expireDedupeKeys(T0.toEpochMilli()), "nothing received before T0");
        assertEquals(1, store.expireDedupeKeys(T0.plusSeconds(60).toEpochMilli()));
        assertEquals(Map.of("second", second), find("first", "second"));

        assertEquals(1, store.expireDedupeKeys(T0.plusSeconds(180).toEpochMilli()));

        assertTrue(find("first", "second").isEmpty());
        assertEquals(0L, count("SELECT COUNT(*) FROM report WHERE dedupe_hash IS NOT NULL"));
    }

    @Test
    void insert_onSqlite_leavesTheUniqueDedupeIndexEmpty() {
        open();
        insert("key-a", T0);

        assertEquals(0L, count("SELECT COUNT(*) FROM report WHERE dedupe_key IS NOT NULL"));
        assertEquals(1L, count("SELECT COUNT(*) FROM report WHERE dedupe_hash = 'key-a'"));
    }

    private long count(String sql) {
        return db.read(tx -> {
            try (Statement st = JdbcTx.of(tx).connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
