package vn.smsgw.gateway.smpp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.smsgw.dispatch.intake.ReportStore;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;

/** Reads back what intake stored: every report, grouped by reporter digits, and the replies queued. */
final class StoredMo {

    private StoredMo() {
    }

    static List<StoredReport> all(ReportStore reports) {
        List<StoredReport> all = new ArrayList<>();
        long after = 0;
        for (List<StoredReport> page; !(page = reports.after(after, 5_000)).isEmpty(); ) {
            all.addAll(page);
            after = page.get(page.size() - 1).id();
        }
        return all;
    }

    /** The stored reports by reporter, digits only ({@code 84912345678}). */
    static Map<String, List<StoredReport>> byReporter(ReportStore reports) {
        Map<String, List<StoredReport>> byReporter = new HashMap<>();
        for (StoredReport report : all(reports)) {
            byReporter.computeIfAbsent(digits(report.reporter()), k -> new ArrayList<>()).add(report);
        }
        return byReporter;
    }

    /** Replies (lane 0) queued per case id. */
    static Map<String, Integer> repliesByCase(Database database) {
        return database.read(tx -> {
            Map<String, Integer> replies = new HashMap<>();
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                    "SELECT case_id, COUNT(*) FROM outbound WHERE lane = 0 GROUP BY case_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replies.put(rs.getString(1), rs.getInt(2));
                }
            }
            return replies;
        });
    }

    static String digits(String address) {
        return address.replaceAll("[^0-9]", "");
    }
}
