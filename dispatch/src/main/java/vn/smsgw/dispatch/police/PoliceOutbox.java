package vn.smsgw.dispatch.police;

import java.util.List;
import vn.smsgw.dispatch.store.Tx;

/** The port intake writes police cases through, inside the report's own transaction (transactional outbox). */
public interface PoliceOutbox {

    /** Adds the cases; a case id already present is ignored (idempotent). */
    void add(Tx tx, List<PoliceCase> cases);

    /**
     * Adds the cases of reports that {@code tx} also stores in the report store of the same database, each report
     * under the id its case id encodes and with the same content, raw text, reporter, offender, short code, time and
     * reporter count as its case. An adapter on that database may then keep a reference to the report instead of a
     * copy of the document; what is handed out is the same document {@link #add} would have stored. By default the
     * cases are added as by {@link #add}.
     */
    default void addOfStoredReports(Tx tx, List<PoliceCase> cases) {
        add(tx, cases);
    }
}
