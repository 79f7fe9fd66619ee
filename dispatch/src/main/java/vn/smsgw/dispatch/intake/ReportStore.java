package vn.smsgw.dispatch.intake;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.store.Tx;

/** The report store: every MO message with its case id, dedupe key and outcome. Thread-safe. */
public interface ReportStore {

    /** Reserves {@code n} new, never used sequence numbers (case ids derive from them). */
    long[] allocate(Tx tx, int n);

    /** Case ids of stored messages whose live dedupe key is among {@code keys}. */
    Map<String, CaseId> findByDedupeKeys(Tx tx, Collection<String> keys);

    /** Inserts the records. */
    void insert(Tx tx, List<NewReport> reports);

    /** Stored messages with id greater than {@code afterId}, oldest first, at most {@code limit}. */
    List<StoredReport> after(long afterId, int limit);

    Optional<StoredReport> find(CaseId caseId);

    /** Forgets dedupe keys of messages received before {@code epochMillis}; returns how many. */
    int expireDedupeKeys(long epochMillis);
}
