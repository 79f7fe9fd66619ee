package vn.smsgw.dispatch.police;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A police case, as handed to the police: the report in full, including the reporter's number (the police are
 * entitled to it; nobody else is). {@code offender} is the E.164 number, brandname, short code or service number;
 * {@code carrier} the allocation/portability carrier name or {@code UNKNOWN}; {@code receivedAt} carries the
 * +07:00 offset; {@code reporters} is how many distinct reporters have reported the offender so far.
 * {@code caseId} is the idempotency key.
 */
public record PoliceCase(
        String caseId,
        String command,
        String offender,
        String offenderType,
        String carrier,
        String content,
        String rawText,
        String reporter,
        String shortCode,
        OffsetDateTime receivedAt,
        int reporters,
        boolean escalated) {

    /** The version of the JSON document; bump on an incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    public PoliceCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(offender, "offender");
        Objects.requireNonNull(offenderType, "offenderType");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
