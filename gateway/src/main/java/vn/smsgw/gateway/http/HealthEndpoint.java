package vn.smsgw.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: every check's state, 200 when all are UP and 503 otherwise, with the body
 * {@code {"status":"UP","checks":{"store":{"status":"UP","dialect":"SQLITE"},...}}}.
 */
final class HealthEndpoint implements Endpoint {
    private static final Logger log = LoggerFactory.getLogger(HealthEndpoint.class);

    private final List<HealthCheck> checks;

    HealthEndpoint(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
        long names = this.checks.stream().map(HealthCheck::name).distinct().count();
        if (names != this.checks.size()) {
            throw new IllegalArgumentException("health check names must be unique");
        }
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(AdminScope.OPEN, "/health", request -> health()));
    }

    AdminResponse health() {
        Map<String, Health> results = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : checks) {
            Health health = run(check);
            results.put(check.name(), health);
            up &= health.isUp();
        }
        Health.Status overall = up ? Health.Status.UP : Health.Status.DOWN;
        return JsonResponses.of(up ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, json -> {
            json.writeStartObject();
            json.writeStringField("status", overall.name());
            json.writeObjectFieldStart("checks");
            for (Map.Entry<String, Health> e : results.entrySet()) {
                json.writeFieldName(e.getKey());
                write(json, e.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private static Health run(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            log.warn("health check {} failed: {}", check.name(), e.toString());
            return Health.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void write(JsonGenerator json, Health health) throws IOException {
        json.writeStartObject();
        json.writeStringField("status", health.status().name());
        for (Map.Entry<String, Object> d : health.details().entrySet()) {
            json.writeFieldName(d.getKey());
            Object v = d.getValue();
            if (v instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (v instanceof Number n) {
                json.writeNumber(n.toString());
            } else {
                json.writeString((String) v);
            }
        }
        json.writeEndObject();
    }
}
