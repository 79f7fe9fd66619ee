package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HealthEndpointTest {

    private static HealthCheck check(String name, Supplier<Health> health) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Health check() {
                return health.get();
            }
        };
    }

    private static EmbeddedAdmin.Response health(HealthCheck... checks) {
        return new EmbeddedAdmin(new HealthEndpoint(List.of(checks))).get("/health");
    }

    @Test
    void health_allChecksUp_is200WithEveryCheckAndItsDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("depth", 3);
        details.put("capacity", 20000);
        EmbeddedAdmin.Response r = health(check("store", () -> Health.up(Map.of("dialect", "SQLITE"))),
                check("intakeQueue", () -> Health.up(details)));

        assertEquals(200, r.status());
        assertEquals("{\"status\":\"UP\",\"checks\":{\"store\":{\"status\":\"UP\",\"dialect\":\"SQLITE\"},"
                + "\"intakeQueue\":{\"status\":\"UP\",\"depth\":3,\"capacity\":20000}}}", r.body());
    }

    @Test
    void health_oneCheckDown_is503AndDown() {
        EmbeddedAdmin.Response r = health(check("store", () -> Health.up(Map.of())),
                check("smsc.viettel-1", () -> Health.down(Map.of("bound", false))));

        assertEquals(503, r.status());
        assertEquals("DOWN", r.json().get("status").asText());
        assertEquals("UP", r.json().at("/checks/store/status").asText());
        assertEquals("DOWN", r.json().at("/checks/smsc.viettel-1/status").asText());
        assertEquals(false, r.json().at("/checks/smsc.viettel-1/bound").asBoolean());
    }

    @Test
    void health_checkThrows_isDownWithTheError() {
        EmbeddedAdmin.Response r = health(check("store", () -> {
            throw new IllegalStateException("pool closed");
        }));

        assertEquals(503, r.status());
        assertEquals("IllegalStateException: pool closed", r.json().at("/checks/store/error").asText());
    }

    @Test
    void health_noChecks_isUp() {
        EmbeddedAdmin.Response r = health();

        assertEquals(200, r.status());
        assertEquals("{\"status\":\"UP\",\"checks\":{}}", r.body());
    }

    @Test
    void new_duplicateCheckNames_throws() {
        HealthCheck a = check("store", () -> Health.up(Map.of()));

        assertThrows(IllegalArgumentException.class, () -> new HealthEndpoint(List.of(a, a)));
    }

    @Test
    void health_detailOfUnsupportedType_throws() {
        assertThrows(IllegalArgumentException.class, () -> Health.up(Map.of("since", new Object())));
    }

    @Test
    void health_detailNamedStatus_throws() {
        assertThrows(IllegalArgumentException.class, () -> Health.up(Map.of("status", "x")));
    }
}
