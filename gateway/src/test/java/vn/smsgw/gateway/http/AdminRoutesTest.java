package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminRoutesTest {
    private static final Route.Action OK = r -> JsonResponses.error(HttpResponseStatus.OK, "ok");

    private static final AdminRoutes ROUTES = AdminRoutes.of(List.<Endpoint>of(
            () -> List.of(Route.get("/api/police", OK), Route.post("/api/police/pull", OK)),
            () -> List.of(Route.post("/api/police/{caseId}/ack", OK), Route.get("/api/police/{caseId}/ack", OK))));

    @Test
    void match_knownMethodAndPath_isFoundWithParameters() {
        AdminRoutes.Match m = ROUTES.match(HttpMethod.POST, "/api/police/K7M2QX9D/ack");

        AdminRoutes.Match.Found found = assertInstanceOf(AdminRoutes.Match.Found.class, m);
        assertEquals(Map.of("caseId", "K7M2QX9D"), found.pathParams());
        assertEquals(HttpMethod.POST, found.route().method());
    }

    @Test
    void match_otherMethodOnKnownPath_isMethodNotAllowedWithAllowed() {
        AdminRoutes.Match m = ROUTES.match(HttpMethod.DELETE, "/api/police/K7M2QX9D/ack");

        assertEquals(new AdminRoutes.Match.MethodNotAllowed(Set.of(HttpMethod.GET, HttpMethod.POST)), m);
    }

    @Test
    void match_unknownPath_isNotFound() {
        assertInstanceOf(AdminRoutes.Match.NotFound.class, ROUTES.match(HttpMethod.GET, "/api/nothing"));
    }

    @Test
    void of_sameMethodAndPatternTwice_throws() {
        assertThrows(IllegalArgumentException.class, () -> AdminRoutes.of(List.<Endpoint>of(
                () -> List.of(Route.get("/health", OK)), () -> List.of(Route.get("/health", OK)))));
    }
}
