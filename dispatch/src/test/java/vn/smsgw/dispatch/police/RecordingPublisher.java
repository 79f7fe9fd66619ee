package vn.smsgw.dispatch.police;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A broker stand-in: keeps what it confirmed, or refuses everything while down. */
final class RecordingPublisher implements PolicePublisher {
    final List<PoliceDelivery> confirmed = new ArrayList<>();
    boolean down;

    @Override
    public void publish(List<PoliceDelivery> batch) throws IOException {
        if (down) {
            throw new IOException("Connection refused");
        }
        confirmed.addAll(batch);
    }

    List<String> caseIds() {
        return confirmed.stream().map(PoliceDelivery::caseId).toList();
    }
}
