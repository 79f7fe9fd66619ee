package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.Objects;

/**
 * A source that is never listed. {@code origin} is {@link #DEFAULT} for the built-in emergency and reporting numbers,
 * {@link #FILE} for the operator's file, {@link #OPERATOR} for single additions.
 */
public record AllowlistEntry(String source, String note, String origin, Instant addedAt) {
    public static final String DEFAULT = "default";
    public static final String FILE = "file";
    public static final String OPERATOR = "operator";

    public AllowlistEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(addedAt, "addedAt");
        if (source.isEmpty()) {
            throw new IllegalArgumentException("empty allowlist source");
        }
    }
}
