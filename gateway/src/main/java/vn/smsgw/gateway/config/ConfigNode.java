package vn.smsgw.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A section of the configuration tree with its dotted path, read with defaults and validation. Every key read is
 * remembered, so {@link #rejectUnknown()} can refuse keys nobody reads (typos). {@code ${NAME}} and
 * {@code ${NAME:-default}} in string values are replaced from the environment. Not thread-safe; used once at start.
 */
final class ConfigNode {
    /** The longest duration any key takes: ten years, far beyond any timer's use and safe from overflow in millis. */
    static final Duration LONGEST = Duration.ofDays(3650);

    private final JsonNode node;
    private final String path;
    private final Map<String, String> env;
    private final Set<String> read = new HashSet<>();

    ConfigNode(JsonNode node, String path, Map<String, String> env) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.env = env;
        if (!this.node.isMissingNode() && !this.node.isNull() && !this.node.isObject()) {
            throw new ConfigException(label() + " must be a section (key: value lines)");
        }
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String label() {
        return path.isEmpty() ? "the configuration" : path;
    }

    boolean has(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /**
     * Whether the key is written at all, even with nothing under it: for a section whose presence turns something on
     * ({@code http.tls}, {@code rabbitmq}), so that a section whose lines were all commented out is not taken as absent.
     */
    boolean written(String name) {
        read.add(name);
        return node.has(name);
    }

    /** A file system path as written in the configuration; one the system cannot name is refused with its key. */
    static Path path(String key, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(key + ": not a valid path: " + e.getReason());
        }
    }

    ConfigNode section(String name) {
        read.add(name);
        return new ConfigNode(node.get(name), key(name), env);
    }

    List<ConfigNode> sections(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        List<ConfigNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigException(key(name) + " must be a list");
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(new ConfigNode(v.get(i), key(name) + "[" + i + "]", env));
        }
        return out;
    }

    String string(String name, String dflt) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isValueNode()) {
            throw new ConfigException(key(name) + " must be a single value");
        }
        return substitute(name, v.asText());
    }

    List<String> strings(String name, List<String> dflt) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isArray()) {
            throw new ConfigException(key(name) + " must be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (e.isNull() || !e.isValueNode()) {
                // a "-" line with nothing after it is YAML null, which asText() would make the word "null"
                throw new ConfigException(key(name) + " has an empty or nested element at position " + (out.size()
                        + 1));
            }
            out.add(substitute(name, e.asText()));
        }
        return out;
    }

    int integer(String name, int dflt, int min, int max) {
        String s = string(name, null);
        if (s == null) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key(name) + " must be a whole number, not '" + s + "'");
        }
        if (v < min || v > max) {
            throw new ConfigException(key(name) + " must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }

    double decimal(String name, double dflt, double min, double max) {
        String s = string(name, null);
        if (s == null) {
            return dflt;
        }
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key(name) + " must be a number, not '" + s + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new ConfigException(key(name) + " must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }

    boolean bool(String name, boolean dflt) {
        String s = string(name, null);
        if (s == null) {
            return dflt;
        }
        return switch (s.trim().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(key(name) + " must be true or false, not '" + s + "'");
        };
    }

    Duration duration(String name, Duration dflt, Duration min) {
        String s = string(name, null);
        if (s == null) {
            return dflt;
        }
        Duration d = Durations.parse(s).orElseThrow(() -> new ConfigException(
                key(name) + " must be a duration like 500ms, 10s, 5m, 48h or 7d, not '" + s + "'"));
        if (d.compareTo(LONGEST) > 0) {
            throw new ConfigException(key(name) + " must be at most " + Durations.format(LONGEST) + ", not " + s);
        }
        if (d.compareTo(min) < 0) {
            throw new ConfigException(key(name) + " must be at least " + Durations.format(min) + ", not " + s);
        }
        return d;
    }

    Duration duration(String name, Duration dflt, Duration min, Duration max) {
        Duration d = duration(name, dflt, min);
        if (d.compareTo(max) > 0) {
            throw new ConfigException(key(name) + " must be at most " + Durations.format(max) + ", not "
                    + string(name, "").trim());
        }
        return d;
    }

    <E extends Enum<E>> E choice(String name, E dflt, Class<E> type) {
        JsonNode v = node.get(name);
        if (v != null && v.isBoolean()) {
            // YAML 1.1 reads an unquoted OFF, ON, YES or NO as a boolean before this sees it
            throw new ConfigException(key(name) + " must be one of " + names(type) + "; YAML reads an unquoted "
                    + "OFF, ON, YES or NO as " + v.asText() + ": quote the name, e.g. '" + type.getEnumConstants()[0]
                    + "'");
        }
        String s = string(name, null);
        return s == null ? dflt : named(type, s, key(name) + " must be one of ");
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        return names;
    }

    /** A list of enum names (case-insensitive), each one of {@code type}'s; {@code dflt} when absent. */
    <E extends Enum<E>> Set<E> choices(String name, Set<E> dflt, Class<E> type) {
        List<String> values = strings(name, null);
        if (values == null) {
            return dflt;
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String v : values) {
            out.add(named(type, v, key(name) + " values must be among "));
        }
        return out;
    }

    /** The constant of {@code type} named {@code text} (case-insensitive), or an error that lists the names. */
    private static <E extends Enum<E>> E named(Class<E> type, String text, String errorLead) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new ConfigException(errorLead + names(type) + ", not '" + text + "'");
    }

    /** Applies {@code reader} to this section, wrapping value errors with this section's key. */
    <T> T as(Function<ConfigNode, T> reader) {
        T value = reader.apply(this);
        rejectUnknown();
        return value;
    }

    /** Fails on a key of this section that nothing read. */
    void rejectUnknown() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                throw new ConfigException("unknown key " + key(k) + " (see the configuration reference in the README)");
            }
        }
    }

    private String substitute(String name, String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                throw new ConfigException(key(name) + ": unterminated ${ in '" + value + "'");
            }
            out.append(value, i, start);
            String expr = value.substring(start + 2, end);
            int dash = expr.indexOf(":-");
            String var = dash < 0 ? expr : expr.substring(0, dash);
            String v = env.get(var);
            // set but empty counts as not set, as ${NAME:-default} does in a shell: an empty secret (a bearer token
            // from a variable exported empty) must not quietly turn authentication off
            if (v == null || v.isEmpty()) {
                if (dash < 0) {
                    throw new ConfigException(key(name) + " needs the environment variable " + var + ", which is "
                            + (v == null ? "not set" : "empty") + " (write ${" + var + ":-} to allow empty)");
                }
                v = expr.substring(dash + 2);
            }
            out.append(v);
            i = end + 1;
        }
        return out.toString();
    }
}
