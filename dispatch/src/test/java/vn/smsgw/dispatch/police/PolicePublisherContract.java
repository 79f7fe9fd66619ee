package vn.smsgw.dispatch.police;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The police publisher port, run against each adapter: the broker stand-in of the relay tests and RabbitMQ. What a
 * publish that returned has handed over is with the broker, in order, each under its case id; an unreachable broker
 * is an IOException, after which the same publisher takes the batch again once the broker is back.
 */
abstract class PolicePublisherContract {

    /** A publisher to a fresh, empty destination. */
    abstract PolicePublisher open() throws Exception;

    /** The case ids the destination holds, in the order they came, each as often as it came. */
    abstract List<String> received() throws Exception;

    /** Makes the broker unreachable for the publisher ({@code false}) or reachable again ({@code true}). */
    abstract void reachable(boolean up) throws Exception;

    /** Releases what {@link #open} opened. */
    abstract void close() throws Exception;

    PolicePublisher publisher;

    @BeforeEach
    void openPublisher() throws Exception {
        publisher = open();
    }

    @AfterEach
    void closePublisher() throws Exception {
        close();
    }

    static List<PoliceDelivery> deliveries(String... caseIds) {
        List<PoliceDelivery> out = new ArrayList<>();
        for (String id : caseIds) {
            out.add(new PoliceDelivery(out.size() + 1, id, PoliceCaseJson.write(PoliceCases.sample(id))));
        }
        return out;
    }

    @Test
    void publish_batch_everyCaseHeldInOrder() throws Exception {
        publisher.publish(deliveries("K-1", "K-2", "K-3"));

        assertEquals(List.of("K-1", "K-2", "K-3"), received());
    }

    @Test
    void publish_emptyBatch_handsOverNothing() throws Exception {
        publisher.publish(List.of());

        assertEquals(List.of(), received());
    }

    @Test
    void publish_sameCaseAgain_isHeldTwiceUnderItsCaseId() throws Exception {
        // at least once: a batch whose confirm was lost is published again; the consumer dedupes by case id
        publisher.publish(deliveries("K-1"));
        publisher.publish(deliveries("K-1"));

        assertEquals(List.of("K-1", "K-1"), received());
    }

    @Test
    void publish_brokerUnreachable_throwsThenTakesTheBatchOnceBack() throws Exception {
        publisher.publish(deliveries("K-1"));
        reachable(false);

        assertThrows(IOException.class, () -> publisher.publish(deliveries("K-2")));
        reachable(true);
        publisher.publish(deliveries("K-2"));

        assertEquals(List.of("K-1", "K-2"), received());
    }
}
