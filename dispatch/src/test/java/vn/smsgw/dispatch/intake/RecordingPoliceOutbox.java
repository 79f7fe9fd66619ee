package vn.smsgw.dispatch.intake;

import java.util.ArrayList;
import java.util.List;
import vn.smsgw.dispatch.police.PoliceCase;
import vn.smsgw.dispatch.police.PoliceOutbox;
import vn.smsgw.dispatch.store.Tx;

/** A police outbox fake that keeps the cases. */
final class RecordingPoliceOutbox implements PoliceOutbox {
    final List<PoliceCase> cases = new ArrayList<>();

    @Override
    public synchronized void add(Tx tx, List<PoliceCase> batch) {
        cases.addAll(batch);
    }

    synchronized List<PoliceCase> cases() {
        return List.copyOf(cases);
    }
}
