package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.intake.InboundSms;
import vn.smsgw.dispatch.intake.ReportFlag;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.gateway.report.ParseResultJson;

class ReportJsonTest {
    private static final Instant AT = Instant.parse("2025-03-01T02:15:30.123Z");

    private static StoredReport stored(String reporter, String command, String source, String sourceType,
                                       String carrier, String content, String error, Set<ReportFlag> flags) {
        return new StoredReport(7, CaseId.fromSequence(7), "156", reporter, "smsc-1", InboundSms.Form.TEXT,
                "raw", command, source, sourceType, carrier, content, error, AT, flags);
    }

    private static String json(StoredReport r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = ParseResultJson.generator(out)) {
            ReportJson.write(g, r);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void write_acceptedReport_writesEveryFieldInOrderWithErrorNull() throws IOException {
        StoredReport r = stored("+84912345678", "LD", "+84987654321", "MOBILE", "VIETTEL", "goi gia danh",
                "", Set.of(ReportFlag.POLICE_CASE, ReportFlag.COUNTED));

        assertEquals("{\"id\":7,\"caseId\":\"" + CaseId.fromSequence(7).value() + "\",\"shortCode\":\"156\","
                + "\"reporter\":\"84912***678\",\"command\":\"LD\",\"source\":\"+84987654321\","
                + "\"sourceType\":\"MOBILE\",\"carrier\":\"VIETTEL\",\"content\":\"goi gia danh\",\"error\":null,"
                + "\"receivedAt\":\"2025-03-01T09:15:30.123+07:00\",\"flags\":[\"POLICE_CASE\",\"COUNTED\"]}",
                json(r));
    }

    @Test
    void write_acceptedWithEmptyContent_writesEmptyString() throws IOException {
        StoredReport r = stored("+84912345678", "S", "ABC", "BRANDNAME", "UNKNOWN", "", "", Set.of());

        assertEquals(true, json(r).contains("\"content\":\"\",\"error\":null"));
    }

    @Test
    void write_rejectedWithCommand_nullsSourceFieldsAndKeepsCommand() throws IOException {
        StoredReport r = stored("+84912345678", "S", "", "", "", "", "MISSING_SOURCE", Set.of());

        String json = json(r);

        assertEquals(true, json.contains("\"command\":\"S\",\"source\":null,\"sourceType\":null,\"carrier\":null,"
                + "\"content\":null,\"error\":\"MISSING_SOURCE\""), json);
    }

    @Test
    void write_rejectedWithoutCommand_nullsCommand() throws IOException {
        StoredReport r = stored("+84912345678", "", "", "", "", "", "UNKNOWN_COMMAND", Set.of());

        assertEquals(true, json(r).contains("\"command\":null,\"source\":null"));
    }

    @Test
    void write_unpairedSurrogateInContent_writesReplacementCharacter() throws IOException {
        StoredReport r = stored("+84912345678", "S", "ABC", "BRANDNAME", "UNKNOWN", "a\uD83Db \uD83D\uDE00", "",
                Set.of());

        assertEquals(true, json(r).contains("\"content\":\"a\uFFFDb \uD83D\uDE00\""));
    }

    @ParameterizedTest
    @CsvSource({
            "+84912345678, 84912***678",
            "84912345678, 84912***678",
            "+12025550123, 12025***123",
            "1900, ***00",
            "x, ***"})
    void maskedReporter_storedAddress_isMasked(String stored, String masked) {
        assertEquals(masked, ReportJson.maskedReporter(stored));
    }
}
