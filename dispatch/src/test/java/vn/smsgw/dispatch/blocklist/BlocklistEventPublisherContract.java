package vn.smsgw.dispatch.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.number.SourceType;

/**
 * The blocklist event publisher port, run against each adapter: the broker stand-in of the relay tests and RabbitMQ.
 * What a publish that returned has handed over is with the broker, in order, each under its list and seq; an
 * unreachable broker is an IOException, after which the same publisher takes the events once the broker is back.
 */
abstract class BlocklistEventPublisherContract {

    /** A publisher to a fresh destination that keeps what is published under the lists VIETTEL and MOBIFONE. */
    abstract BlocklistEventPublisher open() throws Exception;

    /**
     * What the destination holds about {@link #source}, in the order it came, as "LIST:seq", each as often as it
     * came.
     */
    abstract List<String> received() throws Exception;

    /** Makes the broker unreachable for the publisher ({@code false}) or reachable again ({@code true}). */
    abstract void reachable(boolean up) throws Exception;

    /** Releases what {@link #open} opened (the publisher included). */
    abstract void close() throws Exception;

    BlocklistEventPublisher publisher;

    @BeforeEach
    void openPublisher() throws Exception {
        publisher = open();
    }

    @AfterEach
    void closePublisher() throws Exception {
        close();
    }

    /** The number every event of this test is about: its own, so that a shared broker's other traffic can be told apart. */
    final String source = String.format("+8498%07d", java.util.concurrent.ThreadLocalRandom.current()
            .nextInt(10_000_000));

    BlocklistEvent event(long seq, String list) {
        return new BlocklistEvent(seq, list, source, SourceType.MOBILE, BlocklistEvent.Kind.LISTED,
                "5 reporters of V within PT240H", Instant.parse("2025-03-01T03:00:00Z"));
    }

    List<BlocklistEvent> events(Object... seqAndList) {
        List<BlocklistEvent> out = new ArrayList<>();
        for (int i = 0; i < seqAndList.length; i += 2) {
            out.add(event(((Number) seqAndList[i]).longValue(), (String) seqAndList[i + 1]));
        }
        return out;
    }

    @Test
    void publish_events_eachHeldUnderItsListInOrder() throws Exception {
        publisher.publish(events(1, "VIETTEL", 2, "MOBIFONE", 3, "VIETTEL"));

        assertEquals(List.of("VIETTEL:1", "MOBIFONE:2", "VIETTEL:3"), received());
    }

    @Test
    void publish_noEvents_handsOverNothing() throws Exception {
        publisher.publish(List.of());

        assertEquals(List.of(), received());
    }

    @Test
    void publish_sameEventAgain_isHeldTwiceUnderItsSeq() throws Exception {
        // at least once: a round whose confirms were lost is published again; consumers drop duplicates by seq
        publisher.publish(events(7, "VIETTEL"));
        publisher.publish(events(7, "VIETTEL"));

        assertEquals(List.of("VIETTEL:7", "VIETTEL:7"), received());
    }

    @Test
    void publish_brokerUnreachable_throwsThenTakesTheEventsOnceBack() throws Exception {
        publisher.publish(events(1, "VIETTEL"));
        reachable(false);

        assertThrows(IOException.class, () -> publisher.publish(events(2, "VIETTEL")));
        reachable(true);
        publisher.publish(events(2, "VIETTEL"));

        assertEquals(List.of("VIETTEL:1", "VIETTEL:2"), received());
    }
}
