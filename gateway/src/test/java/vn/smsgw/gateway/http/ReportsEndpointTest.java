package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.intake.InboundSms;
import vn.smsgw.dispatch.intake.NewReport;
import vn.smsgw.dispatch.intake.PartContent;
import vn.smsgw.dispatch.intake.ReportStore;
import vn.smsgw.dispatch.intake.StoredPart;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.text.TextCoding;

class ReportsEndpointTest {

    /** A read-only store over a fixed list. */
    private static final class FixedReports implements ReportStore {
        final List<StoredReport> reports = new ArrayList<>();
        long lastAfter = -1;
        int lastLimit = -1;

        FixedReports(int n) {
            for (int i = 1; i <= n; i++) {
                reports.add(new StoredReport(i, CaseId.fromSequence(i), "156", "+84912345678", "smsc-1",
                        InboundSms.Form.TEXT, "LD 0987654321", "LD", "+84987654321", "MOBILE", "VIETTEL", "", "",
                        Instant.EPOCH, Set.of()));
            }
        }

        @Override
        public List<StoredReport> after(long afterId, int limit) {
            lastAfter = afterId;
            lastLimit = limit;
            return reports.stream().filter(r -> r.id() > afterId).limit(limit).toList();
        }

        @Override
        public Optional<StoredReport> find(CaseId caseId) {
            return reports.stream().filter(r -> r.caseId().equals(caseId)).findFirst();
        }

        @Override
        public long[] allocate(Tx tx, int n) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, CaseId> findByDedupeKeys(Tx tx, Collection<String> keys) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(Tx tx, List<NewReport> reports) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int expireDedupeKeys(long epochMillis) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void reports_noParameters_usesAfterZeroAndLimit100() {
        FixedReports store = new FixedReports(3);

        EmbeddedAdmin.Response r = new EmbeddedAdmin(new ReportsEndpoint(store, caseId -> List.of()))
                .get("/api/reports");

        assertEquals(200, r.status());
        assertEquals(0, store.lastAfter);
        assertEquals(100, store.lastLimit);
        assertEquals(3, r.json().get("reports").size());
        assertEquals(3, r.json().get("next").asLong());
    }

    @Test
    void reports_afterLastId_isEmptyWithNextUnchanged() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(new ReportsEndpoint(new FixedReports(3), caseId -> List.of()))
                .get("/api/reports?after=3");

        assertEquals("{\"reports\":[],\"next\":3}", r.body());
    }

    @Test
    void reports_limit_isPassedAndNextIsLastId() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(new ReportsEndpoint(new FixedReports(5), caseId -> List.of()))
                .get("/api/reports?after=1&limit=2");

        assertEquals(2, r.json().get("reports").size());
        assertEquals(2, r.json().at("/reports/0/id").asLong());
        assertEquals(3, r.json().get("next").asLong());
    }

    @ParameterizedTest
    @CsvSource({
            "limit=0, limit",
            "limit=1001, limit",
            "limit=, limit",
            "after=-1, after",
            "after=abc, after",
            "after=99999999999999999999, after"})
    void reports_badQueryValue_is400NamingTheParameter(String query, String parameter) {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(new ReportsEndpoint(new FixedReports(1), caseId -> List.of()))
                .get("/api/reports?" + query);

        assertEquals(400, r.status());
        assertEquals(parameter, r.json().get("parameter").asText());
    }

    @Test
    void report_knownCaseIdTypedLowercaseWithDash_isFound() {
        String typed = CaseId.fromSequence(2).value().toLowerCase(Locale.ROOT);
        typed = typed.substring(0, 4) + "-" + typed.substring(4);

        EmbeddedAdmin.Response r = new EmbeddedAdmin(new ReportsEndpoint(new FixedReports(3), caseId -> List.of()))
                .get("/api/reports/" + typed);

        assertEquals(200, r.status());
        assertEquals(2, r.json().get("id").asLong());
    }

    @Test
    void report_withALatePart_listsItAfterTheReportsFields() {
        CaseId two = CaseId.fromSequence(2);
        StoredPart late = new StoredPart("+84912345678", "156", "smsc-a", Instant.parse("2026-11-20T03:06:00Z"), 7,
                3, 3, new PartContent.Text(TextCoding.GSM7, "tai khoan".getBytes(StandardCharsets.US_ASCII)));

        EmbeddedAdmin.Response r = new EmbeddedAdmin(new ReportsEndpoint(new FixedReports(3),
                caseId -> caseId.equals(two) ? List.of(late) : List.of())).get("/api/reports/" + two.value());
        EmbeddedAdmin.Response other = new EmbeddedAdmin(new ReportsEndpoint(new FixedReports(3),
                caseId -> caseId.equals(two) ? List.of(late) : List.of()))
                .get("/api/reports/" + CaseId.fromSequence(1).value());

        assertEquals(200, r.status());
        assertEquals(1, r.json().get("lateParts").size());
        assertEquals(3, r.json().at("/lateParts/0/part").asInt());
        assertEquals(3, r.json().at("/lateParts/0/of").asInt());
        assertEquals("tai khoan", r.json().at("/lateParts/0/text").asText());
        assertEquals("2026-11-20T10:06:00.000+07:00", r.json().at("/lateParts/0/receivedAt").asText());
        assertEquals(0, other.json().get("lateParts").size(), "none for a message that had none");
    }

    @Test
    void report_unknownCaseId_is404() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(new ReportsEndpoint(new FixedReports(3), caseId -> List.of()))
                .get("/api/reports/" + CaseId.fromSequence(99).value());

        assertEquals(404, r.status());
    }

    @Test
    void report_malformedCaseId_is400() {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(new ReportsEndpoint(new FixedReports(3), caseId -> List.of()))
                .get("/api/reports/0OIL");

        assertEquals(400, r.status());
        assertEquals("caseId", r.json().get("parameter").asText());
    }
}
