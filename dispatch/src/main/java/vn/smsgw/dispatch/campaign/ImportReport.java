package vn.smsgw.dispatch.campaign;

import java.util.List;
import java.util.Objects;

/**
 * What an audience import did: data rows read, valid numbers, recipients added (valid minus duplicates, within the
 * file or of numbers already in the audience), rows left out by the filter, invalid rows and the first of them by
 * line number.
 */
public record ImportReport(long rows, long valid, long added, long duplicates, long filtered, long rejected,
                           List<Reject> rejects) {

    /** An invalid row: its 1-based line number in the file and why. */
    public record Reject(long line, String reason) {
        /** Checks for nulls. */
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Copies the rejects. */
    public ImportReport {
        rejects = List.copyOf(rejects);
    }
}
