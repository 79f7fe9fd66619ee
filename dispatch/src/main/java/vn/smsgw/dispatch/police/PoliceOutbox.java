package vn.smsgw.dispatch.police;

import java.util.List;
import vn.smsgw.dispatch.store.Tx;

/** The port intake writes police cases through, inside the report's own transaction (transactional outbox). */
public interface PoliceOutbox {

    /** Adds the cases; a case id already present is ignored (idempotent). */
    void add(Tx tx, List<PoliceCase> cases);
}
