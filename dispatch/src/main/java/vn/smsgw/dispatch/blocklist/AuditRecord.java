package vn.smsgw.dispatch.blocklist;

import java.time.Instant;
import java.util.Objects;

/**
 * One operator action in the audit trail. {@code list} is a {@link BlocklistName} value, or {@link #ALLOWLIST} for
 * allowlist changes; {@code source} is the entry's source (or the loaded file's name for file loads).
 */
public record AuditRecord(Instant at, String actor, Action action, String list, String source, String reason) {
    /** The {@code list} value of allowlist and portability actions. */
    public static final String ALLOWLIST = "ALLOWLIST";
    public static final String PORTABILITY = "PORTABILITY";

    /** Operator actions. */
    public enum Action {
        DELIST,
        RELIST,
        ALLOW,
        DISALLOW,
        LOAD_ALLOWLIST,
        LOAD_PORTABILITY
    }

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audited action needs an actor");
        }
    }
}
