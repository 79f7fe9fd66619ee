package vn.smsgw.gateway.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one {@link HealthCheck} component: {@link Status#UP} or {@link Status#DOWN}, with details written next
 * to the status in the health document (values are strings, numbers or booleans, in insertion order). Immutable.
 */
public record Health(Status status, Map<String, Object> details) {

    /** Whether the component can do its work. */
    public enum Status {
        UP,
        DOWN
    }

    public Health {
        Objects.requireNonNull(status, "status");
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((key, value) -> {
            Objects.requireNonNull(key, "detail name");
            if ("status".equals(key)) {
                throw new IllegalArgumentException("'status' is not a detail name");
            }
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("detail " + key + " must be a string, number or boolean");
            }
            copy.put(key, value);
        });
        details = Collections.unmodifiableMap(copy);
    }

    /** UP with the given details. */
    public static Health up(Map<String, Object> details) {
        return new Health(Status.UP, details);
    }

    /** DOWN with the given details. */
    public static Health down(Map<String, Object> details) {
        return new Health(Status.DOWN, details);
    }

    /** DOWN with one {@code error} detail. */
    public static Health down(String error) {
        return new Health(Status.DOWN, Map.of("error", error));
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
