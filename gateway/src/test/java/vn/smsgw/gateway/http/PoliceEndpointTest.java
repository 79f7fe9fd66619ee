package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.police.InMemoryPoliceQueue;
import vn.smsgw.dispatch.police.PoliceCase;
import vn.smsgw.dispatch.store.InMemoryTransactions;

class PoliceEndpointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T02:00:00Z"), ZoneOffset.UTC);

    private final InMemoryPoliceQueue queue = new InMemoryPoliceQueue(CLOCK, Duration.ofSeconds(60));

    private static String caseId(int seq) {
        return CaseId.fromSequence(seq).value();
    }

    private void addCases(int n) {
        new InMemoryTransactions().inTransaction(tx -> {
            for (int i = 1; i <= n; i++) {
                queue.outbox().add(tx, List.of(new PoliceCase(caseId(i), "LD", "+84987654321", "MOBILE", "VIETTEL",
                        "", "LD 0987654321", "+84912345678", "156",
                        OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(7)), 1, false)));
            }
            return null;
        });
    }

    private EmbeddedAdmin admin() {
        return new EmbeddedAdmin(new PoliceEndpoint(queue, false));
    }

    @Test
    void list_twoCases_embedsDocumentsAsObjects() {
        addCases(2);

        JsonNode body = admin().get("/api/police").json();

        assertEquals(2, body.get("cases").size());
        assertEquals(1, body.at("/cases/0/outboxId").asLong());
        assertEquals(caseId(1), body.at("/cases/0/caseId").asText());
        assertEquals(caseId(1), body.at("/cases/0/case/caseId").asText());
        assertEquals("+84912345678", body.at("/cases/0/case/reporter").asText());
        assertEquals(2, body.get("next").asLong());
    }

    @Test
    void list_afterAndLimit_pages() {
        addCases(3);

        JsonNode body = admin().get("/api/police?after=1&limit=1").json();

        assertEquals(1, body.get("cases").size());
        assertEquals(caseId(2), body.at("/cases/0/caseId").asText());
        assertEquals(2, body.get("next").asLong());
    }

    @Test
    void pull_twice_handsEachCaseOutOnceWithinVisibility() {
        addCases(3);
        EmbeddedAdmin admin = admin();

        JsonNode first = admin.post("/api/police/pull?max=2").json();
        JsonNode second = admin.post("/api/police/pull?max=2").json();

        assertEquals(2, first.get("cases").size());
        assertEquals(1, second.get("cases").size());
        assertEquals(caseId(3), second.at("/cases/0/caseId").asText());
    }

    @Test
    void pull_getMethod_is405() {
        assertEquals(405, admin().get("/api/police/pull").status());
    }

    @Test
    void ack_knownCase_isAcked() {
        addCases(1);

        EmbeddedAdmin.Response r = admin().post("/api/police/" + caseId(1) + "/ack");

        assertEquals(200, r.status());
        assertEquals("{\"caseId\":\"" + caseId(1) + "\",\"acked\":true}", r.body());
    }

    @Test
    void ack_unknownCase_is404() {
        assertEquals(404, admin().post("/api/police/" + caseId(9) + "/ack").status());
    }

    @Test
    void ack_malformedCaseId_is400() {
        EmbeddedAdmin.Response r = admin().post("/api/police/not-a-case/ack");

        assertEquals(400, r.status());
        assertEquals("caseId", r.json().get("parameter").asText());
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/police", "POST, /api/police/pull", "POST, /api/police/K7M2QX9D/ack"})
    void any_relayedToRabbit_is409(String method, String uri) {
        EmbeddedAdmin.Response r = new EmbeddedAdmin(new PoliceEndpoint(queue, true)).single(method, uri);

        assertEquals(409, r.status());
        assertEquals("police cases are relayed to RabbitMQ; the embedded queue is not served",
                r.json().get("error").asText());
    }

    @Test
    void pull_maxZero_is400() {
        assertEquals("max", admin().post("/api/police/pull?max=0").json().get("parameter").asText());
    }
}
