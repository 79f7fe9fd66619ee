package vn.smsgw.dispatch.police;

import java.util.List;

/** The police publisher contract on the relay tests' broker stand-in. */
class RecordingPublisherContractTest extends PolicePublisherContract {
    private final RecordingPublisher recording = new RecordingPublisher();

    @Override
    PolicePublisher open() {
        return recording;
    }

    @Override
    List<String> received() {
        return recording.caseIds();
    }

    @Override
    void reachable(boolean up) {
        recording.down = !up;
    }

    @Override
    void close() {
    }
}
