package vn.smsgw.dispatch.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import vn.smsgw.dispatch.cases.CaseId;

/**
 * A message as stored: what the reports API and the police see. {@code reporter} is the full normalised number (or
 * the raw address when invalid): callers outside the police queue must mask it. {@code command}, {@code source},
 * {@code sourceType}, {@code carrier}, {@code content} and {@code error} are empty strings when absent.
 */
public record StoredReport(long id, CaseId caseId, String shortCode, String reporter, String smscId,
                           InboundSms.Form form, String rawText, String command, String source, String sourceType,
                           String carrier, String content, String error, Instant receivedAt, Set<ReportFlag> flags) {
    public StoredReport {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        flags = Set.copyOf(flags);
    }
}
