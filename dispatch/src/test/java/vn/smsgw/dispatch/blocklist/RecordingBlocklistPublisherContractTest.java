package vn.smsgw.dispatch.blocklist;

import java.util.List;

/** The blocklist event publisher contract on the broker stand-in, so that relay tests may rely on it. */
class RecordingBlocklistPublisherContractTest extends BlocklistEventPublisherContract {
    private RecordingBlocklistPublisher recording;

    @Override
    BlocklistEventPublisher open() {
        recording = new RecordingBlocklistPublisher();
        return recording;
    }

    @Override
    List<String> received() {
        return recording.received();
    }

    @Override
    void reachable(boolean up) {
        recording.down(!up);
    }

    @Override
    void close() {
        recording.close();
    }
}
