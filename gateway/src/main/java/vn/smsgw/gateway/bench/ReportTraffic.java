package vn.smsgw.gateway.bench;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.smsgw.gateway.simulator.AckLatencies;
import vn.smsgw.gateway.simulator.MoMessage;
import vn.smsgw.gateway.simulator.MoSource;
import vn.smsgw.gateway.simulator.ReceivedSubmit;

/**
 * MO for the simulator to inject: {@link ReportMix} texts, each from a distinct reporter, to 156 or 5656; remembers
 * when each was drawn (just before it is sent) so that a reply submit_sm to the reporter closes a round trip.
 * {@link #next()} is called by one thread at a time; {@link #replied} is thread-safe.
 */
final class ReportTraffic implements MoSource {
    private final ReportMix mix;
    private final long firstReporter;
    private final ConcurrentHashMap<String, Long> sentAt;
    private final AckLatencies roundTrips = new AckLatencies();
    private long n;

    ReportTraffic(long seed, boolean trackReplies) {
        this.mix = new ReportMix(seed, 20_000);
        this.firstReporter = 849_1000_0000L + (seed % 1000) * 1_000_000L;
        this.sentAt = trackReplies ? new ConcurrentHashMap<>(1 << 18) : null;
    }

    @Override
    public Optional<MoMessage> next() {
        String reporter = Long.toString(firstReporter + n);
        String shortCode = (n++ & 1) == 0 ? "156" : "5656";
        if (sentAt != null) {
            sentAt.put(reporter, System.nanoTime());
        }
        return Optional.of(new MoMessage(reporter, shortCode, mix.next()));
    }

    /** A submit_sm reached the SMSC: if it answers one of these MO, its round trip is recorded. */
    void replied(ReceivedSubmit submit) {
        if (sentAt == null) {
            return;
        }
        Long at = sentAt.remove(submit.destinationAddr());
        if (at != null) {
            roundTrips.record(System.nanoTime() - at);
        }
    }

    /** MO sent → reply submit_sm received. */
    AckLatencies roundTrips() {
        return roundTrips;
    }
}
