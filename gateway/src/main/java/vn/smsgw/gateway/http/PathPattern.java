package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path of literal segments and {@code {name}} parameters, e.g. {@code /api/police/{caseId}/ack}. A parameter
 * matches one non-empty segment; segments are percent-decoded after splitting, so an encoded {@code /} stays inside
 * its segment. Immutable.
 */
final class PathPattern {
    private final String text;
    private final List<String> segments;

    private PathPattern(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    static PathPattern parse(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/': " + pattern);
        }
        return new PathPattern(pattern, List.of(pattern.substring(1).split("/", -1)));
    }

    /** The parameters of {@code rawPath} (not yet decoded) when it matches, by name. */
    Optional<Map<String, String>> match(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            // a '+' in a path is a plus sign (RFC 3986), not the space it is in a form-encoded query: +14155550100
            String value = QueryStringDecoder.decodeComponent(parts[i].replace("+", "%2B"));
            if (isParameter(segment)) {
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, segment.length() - 1), value);
            } else if (!segment.equals(value)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    @Override
    public String toString() {
        return text;
    }
}
