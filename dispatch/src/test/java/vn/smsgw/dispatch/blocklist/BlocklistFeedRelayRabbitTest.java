package vn.smsgw.dispatch.blocklist;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;

/**
 * The feed against the real broker. The exchange is the production one, which every build using the broker shares,
 * so each test lists a number of its own and reads the carrier queue for messages about that number only.
 */
class BlocklistFeedRelayRabbitTest {
    private static final Duration CONFIRMS = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Source number = new Source(
            String.format("+8498%07d", ThreadLocalRandom.current().nextInt(10_000_000)), SourceType.MOBILE,
            Carrier.VIETTEL);

    @TempDir
    Path dir;

    private Database db;
    private BlocklistStores stores;
    private Blocklist blocklist;
    private PortabilityOverrides portability;
    private Connection consumer;
    private Channel channel;
    private String queue;

    @BeforeEach
    void setUp() throws Exception {
        TestServices.requireRabbit();
        db = TestServices.sqlite(dir);
        stores = BlocklistStores.jdbc(db);
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T02:30:00Z"));
        Allowlist allowlist = new Allowlist(stores, clock, Allowlist.DEFAULT_REFRESH);
        blocklist = new Blocklist(stores, allowlist, Thresholds.defaults(), clock);
        portability = new PortabilityOverrides(stores, clock, Allowlist.DEFAULT_REFRESH);
        consumer = TestServices.rabbitFactory(TestServices.RABBIT_PORT).newConnection("blocklist-feed-test");
        channel = consumer.createChannel();
        channel.exchangeDeclare(RabbitBlocklistPublisher.EXCHANGE, "topic", true);
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, RabbitBlocklistPublisher.EXCHANGE, "VIETTEL");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (consumer != null) {
            consumer.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** A relay over the test's database to RabbitMQ on {@code port}. */
    private BlocklistFeedRelay relay(int port) {
        return new BlocklistFeedRelay(db, BlocklistFeedRelay.RABBIT_CURSOR,
                new RabbitBlocklistPublisher(TestServices.rabbitFactory(port), CONFIRMS));
    }


    private void list(Source source, Command command, int reporters) {
        for (int i = 0; i < reporters; i++) {
            Vote v = new Vote(portability.listOf(source), source, command, "r" + i,
                    Instant.parse("2025-03-01T02:30:00Z"));
            db.inTransaction(tx -> blocklist.vote(tx, List.of(v)));
        }
    }

    private long lastSeq() {
        return db.inTransaction(tx -> new JdbcBlocklistStore().changesOfAllLists(tx, 0, 1_000)).stream()
                .mapToLong(BlocklistEvent::seq).max().orElseThrow();
    }

    /** The next message on the VIETTEL queue about {@code source}; messages about other sources are dropped. */
    private GetResponse nextMessageAbout(Source source) {
        AtomicReference<GetResponse> got = new AtomicReference<>();
        Poll.until(Duration.ofSeconds(10), () -> {
            for (GetResponse m = take(); m != null; m = take()) {
                if (source.value().equals(sourceOf(m))) {
                    got.set(m);
                    return true;
                }
            }
            return false;
        }, "a message about " + source + " on the VIETTEL queue");
        return got.get();
    }

    /** The sources of the messages on the VIETTEL queue now, which are taken off it. */
    private List<String> takeSources() {
        List<String> sources = new ArrayList<>();
        for (GetResponse m = take(); m != null; m = take()) {
            sources.add(sourceOf(m));
        }
        return sources;
    }

    private GetResponse take() {
        try {
            return channel.basicGet(queue, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sourceOf(GetResponse m) {
        try {
            return JSON.readTree(m.getBody()).path("source").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void publishPending_listedEvent_arrivesOnTheCarrierRoutingKeyAsPersistentJson() throws Exception {
        list(number, Command.LD, 3);
        try (BlocklistFeedRelay feed = relay(TestServices.RABBIT_PORT)) {

            assertEquals(1, feed.publishPending());

            GetResponse m = nextMessageAbout(number);
            JsonNode body = JSON.readTree(m.getBody());
            assertEquals(Long.toString(lastSeq()), m.getProps().getMessageId());
            assertEquals(2, m.getProps().getDeliveryMode());
            assertEquals("VIETTEL", m.getEnvelope().getRoutingKey());
            assertEquals(number.value(), body.get("source").asText());
            assertEquals("LISTED", body.get("event").asText());
            assertEquals("2025-03-01T09:30:00+07:00", body.get("at").asText());
            assertEquals(lastSeq(), feed.cursor());
        }
    }

    @Test
    void publishPending_otherList_isRoutedToItsOwnKeyNotTheCarrierQueue() throws Exception {
        Source brandname = Source.brandname("FAKEBANK" + ThreadLocalRandom.current().nextInt(100, 1_000));
        String senders = channel.queueDeclare().getQueue();
        channel.queueBind(senders, RabbitBlocklistPublisher.EXCHANGE, "SENDER");
        list(brandname, Command.S, 5);
        try (BlocklistFeedRelay feed = relay(TestServices.RABBIT_PORT)) {

            assertEquals(1, feed.publishPending());

            // confirmed, so already routed: had it gone to VIETTEL it would be on the queue now
            assertFalse(takeSources().contains(brandname.value()));
            GetResponse m = channel.basicGet(senders, true);
            assertNotNull(m, "the event is on the SENDER routing key");
            assertEquals("SENDER", m.getEnvelope().getRoutingKey());
            assertEquals(brandname.value(), sourceOf(m));
            assertEquals(lastSeq(), feed.cursor());
        }
    }

    @Test
    void publishPending_cursorIsShared_secondRelayPublishesNothingAgain() {
        list(number, Command.LD, 3);
        try (BlocklistFeedRelay first = relay(TestServices.RABBIT_PORT);
             BlocklistFeedRelay second = relay(TestServices.RABBIT_PORT)) {
            assertEquals(1, first.publishPending());

            assertEquals(0, second.publishPending());
        }
    }

    @Test
    void publishPending_brokerUnreachable_failsAndKeepsTheCursor() {
        list(number, Command.LD, 3);
        try (BlocklistFeedRelay feed = relay(1)) {

            assertThrows(UncheckedIOException.class, feed::publishPending);

            assertEquals(0, feed.cursor());
        }
    }

    @Test
    void start_brokerUnreachable_retriesWithoutLoss_thenRightBrokerGetsTheEvent() {
        list(number, Command.LD, 3);
        try (BlocklistFeedRelay down = relay(1)) {
            down.start(Duration.ofMillis(20));
            Poll.until(Duration.ofSeconds(10), () -> down.failedRounds() >= 3, "three failed rounds");
            assertEquals(0, down.cursor());
        }
        try (BlocklistFeedRelay up = relay(TestServices.RABBIT_PORT)) {
            up.start(Duration.ofMillis(20));
            Poll.until(Duration.ofSeconds(10), () -> up.cursor() == lastSeq(), "cursor at the last event");
            assertEquals(Long.toString(lastSeq()), nextMessageAbout(number).getProps().getMessageId());
            assertEquals(0, up.failedRounds());
        }
    }
}
