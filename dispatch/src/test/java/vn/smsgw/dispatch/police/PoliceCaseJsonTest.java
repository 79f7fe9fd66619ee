package vn.smsgw.dispatch.police;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliceCaseJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void parse_writtenCase_roundTrips() {
        PoliceCase pc = PoliceCases.sample("C-1");
        assertEquals(pc, PoliceCaseJson.parse(PoliceCaseJson.write(pc)));
    }

    @Test
    void write_anyCase_startsWithSchemaVersion1() throws Exception {
        JsonNode n = MAPPER.readTree(PoliceCaseJson.write(PoliceCases.sample("C-1")));
        assertEquals("schemaVersion", n.fieldNames().next());
        assertEquals(1, n.get("schemaVersion").intValue());
    }

    @Test
    void write_anyCase_hasFieldsInStableOrder() throws Exception {
        JsonNode n = MAPPER.readTree(PoliceCaseJson.write(PoliceCases.sample("C-1")));
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("schemaVersion", "caseId", "command", "offender", "offenderType", "carrier", "content",
                "rawText", "reporter", "shortCode", "receivedAt", "reporters", "escalated"), names);
    }

    @Test
    void write_receivedAtInUtc_isRenderedAtPlus0700() throws Exception {
        PoliceCase utc = withReceivedAt(OffsetDateTime.of(2025, 3, 1, 3, 15, 30, 0, ZoneOffset.UTC));
        JsonNode n = MAPPER.readTree(PoliceCaseJson.write(utc));
        assertEquals("2025-03-01T10:15:30.000+07:00", n.get("receivedAt").asText());
    }

    @Test
    void write_reporter_isTheFullNumber() throws Exception {
        JsonNode n = MAPPER.readTree(PoliceCaseJson.write(PoliceCases.sample("C-1")));
        assertEquals("+84987654321", n.get("reporter").asText());
    }

    @Test
    void write_sameCase_isByteForByteStable() {
        assertEquals(PoliceCaseJson.write(PoliceCases.sample("C-1")), PoliceCaseJson.write(PoliceCases.sample("C-1")));
    }

    @Test
    void write_vietnameseAndQuotes_areEscapedAndRoundTrip() {
        PoliceCase pc = new PoliceCase("C-2", "S", "VNPT-KM", "BRANDNAME", "VINAPHONE", "Khuyến mãi \"sốc\"\n100%",
                "S VNPT-KM Khuyến mãi \"sốc\"\n100%", "+84912000111", "5656", PoliceCases.RECEIVED, 1, false);
        String json = PoliceCaseJson.write(pc);
        assertTrue(json.contains("\\\"sốc\\\"\\n"), json);
        assertEquals(pc, PoliceCaseJson.parse(json));
    }

    @Test
    void parse_otherSchemaVersion_isRejected() {
        String json = PoliceCaseJson.write(PoliceCases.sample("C-1")).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThrows(IllegalArgumentException.class, () -> PoliceCaseJson.parse(json));
    }

    @Test
    void parse_missingField_isRejected() {
        String json = PoliceCaseJson.write(PoliceCases.sample("C-1")).replace("\"caseId\":\"C-1\",", "");
        assertThrows(IllegalArgumentException.class, () -> PoliceCaseJson.parse(json));
    }

    @Test
    void parse_notJson_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> PoliceCaseJson.parse("{not json"));
    }

    private static PoliceCase withReceivedAt(OffsetDateTime at) {
        PoliceCase s = PoliceCases.sample("C-1");
        return new PoliceCase(s.caseId(), s.command(), s.offender(), s.offenderType(), s.carrier(), s.content(),
                s.rawText(), s.reporter(), s.shortCode(), at, s.reporters(), s.escalated());
    }
}
