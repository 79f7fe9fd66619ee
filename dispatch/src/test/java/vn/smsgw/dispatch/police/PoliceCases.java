package vn.smsgw.dispatch.police;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;

/** Police cases for tests. */
final class PoliceCases {
    static final OffsetDateTime RECEIVED = OffsetDateTime.of(2025, 3, 1, 10, 15, 30, 123_000_000,
            ZoneOffset.ofHours(7));

    private PoliceCases() {
    }

    /** The case id of report {@code n}: the outbox finds a case through the report id its case id encodes. */
    static String id(long n) {
        return CaseId.fromSequence(n).value();
    }

    /** A fraud report against a mobile number, with case id {@code caseId}. */
    static PoliceCase sample(String caseId) {
        return new PoliceCase(caseId, "LD", "+84912345678", "MOBILE", "VIETTEL",
                "Ban da trung thuong, chuyen khoan 2 trieu de nhan qua \"ngay\"",
                "LD 0912345678 Ban da trung thuong, chuyen khoan 2 trieu de nhan qua \"ngay\"",
                "+84987654321", "156", RECEIVED, 3, true);
    }

    /** Adds an outbox row for {@code caseId} whose report row does not exist: a case that cannot be rendered. */
    static void addWithoutReport(Database db, String caseId) {
        db.inTransaction(tx -> {
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement("INSERT INTO police_outbox "
                    + "(report_id, case_id, payload, created_at, state, attempts, next_attempt_at) "
                    + "VALUES (999999, ?, NULL, 0, 'PENDING', 0, 0)")) {
                ps.setString(1, caseId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
