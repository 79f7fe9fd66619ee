package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as an endpoint sees it, copied out of Netty's buffers: method, decoded path, path parameters (by
 * pattern name), query parameters and headers. Immutable once built; the body is not kept (no endpoint reads one).
 */
record AdminRequest(HttpMethod method, String path, Map<String, String> pathParams,
                    Map<String, List<String>> query, HttpHeaders headers) {

    AdminRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        Objects.requireNonNull(headers, "headers");
    }

    /** The value of path parameter {@code name}; the route's pattern guarantees it is there. */
    String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("no path parameter " + name + " in " + path);
        }
        return value;
    }

    /** The first value of query parameter {@code name}, when present. */
    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Query parameter {@code name} as a long in {@code [min, max]}, or {@code absent} when not given. */
    long longParam(String name, long absent, long min, long max) {
        Optional<String> text = param(name);
        if (text.isEmpty()) {
            return absent;
        }
        long value;
        try {
            value = Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " must be an integer");
        }
        if (value < min || value > max) {
            throw new BadParameterException(name, name + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** Query parameter {@code name} as an int in {@code [min, max]}, or {@code absent} when not given. */
    int intParam(String name, int absent, int min, int max) {
        return (int) longParam(name, absent, min, max);
    }

    /** True when the Accept header names {@code mediaType} (ignoring parameters and case). */
    boolean accepts(String mediaType) {
        for (String accept : headers.getAll(HttpHeaderNames.ACCEPT)) {
            for (String range : accept.split(",")) {
                int semicolon = range.indexOf(';');
                String type = (semicolon < 0 ? range : range.substring(0, semicolon)).trim();
                if (type.toLowerCase(Locale.ROOT).equals(mediaType)) {
                    return true;
                }
            }
        }
        return false;
    }
}
