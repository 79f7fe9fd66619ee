package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    @Test
    void metrics_counterWithTag_isPrometheusTextLine() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("smsgw.mo.rejected").tag("reason", "UNKNOWN_COMMAND").register(registry).increment(2);

        EmbeddedAdmin.Response r = new EmbeddedAdmin(new MetricsEndpoint(registry)).get("/metrics");

        assertEquals(200, r.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().get(HttpHeaderNames.CONTENT_TYPE));
        assertTrue(r.body().contains("smsgw_mo_rejected_total{reason=\"UNKNOWN_COMMAND\"} 2.0\n"), r.body());
    }

    @Test
    void metrics_timerWithHistogram_hasBuckets() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Timer.builder("smsgw.mo.commit").publishPercentileHistogram().register(registry)
                .record(Duration.ofMillis(3));

        String body = new EmbeddedAdmin(new MetricsEndpoint(registry)).get("/metrics").body();

        assertTrue(body.contains("smsgw_mo_commit_seconds_bucket{le=\"+Inf\"} 1"), body);
        assertTrue(body.contains("smsgw_mo_commit_seconds_count 1"), body);
    }

    @Test
    void metrics_postMethod_is405() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        assertEquals(405, new EmbeddedAdmin(new MetricsEndpoint(registry)).post("/metrics").status());
    }
}
