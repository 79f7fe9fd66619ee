package vn.smsgw.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** {@code GET /metrics}: every meter of the registry in the Prometheus text format 0.0.4. */
final class MetricsEndpoint implements Endpoint {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(AdminScope.OPEN, "/metrics", request -> scrape()));
    }

    private AdminResponse scrape() {
        byte[] text = registry.scrape().getBytes(StandardCharsets.UTF_8);
        return new AdminResponse.Full(HttpResponseStatus.OK, CONTENT_TYPE, text);
    }
}
