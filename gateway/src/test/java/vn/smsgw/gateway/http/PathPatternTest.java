package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void match_literalPath_matchesWithoutParameters() {
        assertEquals(Optional.of(Map.of()), PathPattern.parse("/api/reports").match("/api/reports"));
    }

    @Test
    void match_parameterSegment_capturesDecodedValue() {
        PathPattern p = PathPattern.parse("/api/police/{caseId}/ack");

        assertEquals(Optional.of(Map.of("caseId", "K7M2 QX9D")), p.match("/api/police/K7M2%20QX9D/ack"));
    }

    @Test
    void match_encodedSlash_staysInItsSegment() {
        assertEquals(Optional.of(Map.of("list", "A/B")), PathPattern.parse("/api/blocklist/{list}")
                .match("/api/blocklist/A%2FB"));
    }

    @ParameterizedTest
    @CsvSource({"/api/allowlist/+14155550100, +14155550100", "/api/allowlist/%2B84987654321, +84987654321",
            "/api/allowlist/a+b%20c, a+b c"})
    void match_plusInPath_staysAPlusSign(String path, String source) {
        assertEquals(Optional.of(Map.of("source", source)), PathPattern.parse("/api/allowlist/{source}").match(path));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/reports, /api/reports/",
            "/api/reports, /api/report",
            "/api/reports, /api/reports/x",
            "/api/reports/{caseId}, /api/reports/",
            "/api/reports/{caseId}, /api/reports",
            "/api/police/{caseId}/ack, /api/police/x/nack",
            "/health, health"})
    void match_differentPath_isEmpty(String pattern, String path) {
        assertTrue(PathPattern.parse(pattern).match(path).isEmpty());
    }

    @Test
    void parse_withoutLeadingSlash_throws() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("health"));
    }
}
