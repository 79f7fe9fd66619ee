package vn.smsgw.dispatch.intake;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import vn.smsgw.dispatch.outbound.JdbcOutbox;
import vn.smsgw.dispatch.outbound.Outbox;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.Transactions;

/** An intake fixture on a real database. */
final class JdbcIntakeFixture implements IntakeContract.Fixture {
    private final Database db;
    private final JdbcReportStore reports;
    private final JdbcReporterCounters counters = new JdbcReporterCounters();
    private final JdbcPartStore parts = new JdbcPartStore();
    private final JdbcOutbox outbox = new JdbcOutbox();

    JdbcIntakeFixture(Database db) {
        this.db = db;
        this.reports = new JdbcReportStore(db);
    }

    @Override
    public Transactions transactions() {
        return db;
    }

    @Override
    public ReportStore reports() {
        return reports;
    }

    @Override
    public PartStore parts() {
        return parts;
    }

    @Override
    public ReporterCounters counters() {
        return counters;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public List<String> replyKinds(String caseId) {
        return strings("SELECT kind FROM outbound WHERE case_id = ? ORDER BY id", caseId);
    }

    @Override
    public List<String> replySmscs(String caseId) {
        return strings("SELECT smsc FROM outbound WHERE case_id = ? ORDER BY id", caseId);
    }

    @Override
    public List<String> replyBodies() {
        return strings("SELECT body FROM outbound WHERE lane = 0 AND ? = ? ORDER BY id", "x");
    }

    private List<String> strings(String sql, String arg) {
        return db.inTransaction(tx -> {
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
                ps.setString(1, arg);
                if (sql.contains("? = ?")) {
                    ps.setString(2, arg);
                }
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
