package vn.smsgw.dispatch.intake;

import java.util.Objects;
import java.util.Set;
import vn.smsgw.dispatch.cases.CaseId;

/**
 * A message ready to be inserted: its sequence id and case id, dedupe key, the inbound message, the normalised
 * reporter (or the raw address), the parsed fields (empty strings when absent), flags and commit time.
 */
public record NewReport(long id, CaseId caseId, String dedupeKey, InboundSms sms, String reporter, String command,
                        String source, String sourceType, String carrier, String content, String error,
                        Set<ReportFlag> flags, int reportersSoFar, long committedAt) {
    public NewReport {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(sms, "sms");
        flags = Set.copyOf(flags);
    }

    StoredReport toStored() {
        return new StoredReport(id, caseId, sms.shortCode(), reporter, sms.smscId(), sms.form(), sms.text(), command,
                source, sourceType, carrier, content, error, sms.receivedAt(), flags);
    }
}
