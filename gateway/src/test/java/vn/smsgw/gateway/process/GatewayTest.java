package vn.smsgw.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.gateway.config.GatewayConfig;
import vn.smsgw.gateway.config.HttpConfig;
import vn.smsgw.gateway.config.SmscConfigs;
import vn.smsgw.gateway.simulator.MoGenerator;
import vn.smsgw.gateway.simulator.MoInjection;
import vn.smsgw.gateway.simulator.MoMessage;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;
import vn.smsgw.gateway.smpp.SmscConfig;

/** The whole process from its configuration: SMPP in, store, replies out with receipts, admin HTTP. */
class GatewayTest {
    @TempDir
    Path dir;

    /** The embedded gateway, HTTP on a free port, {@code binds} transceivers to {@code smsc} named {@code name}. */
    private GatewayConfig config(String name, SmscSimulator smsc, int binds) {
        return GatewayConfig.embedded(dir, Map.of()).withHttp(new HttpConfig("127.0.0.1", 0))
                .withSmscs(List.of(new SmscConfigs.Smsc(SmscConfig.builder(name)
                        .address("127.0.0.1", smsc.port()).credentials("smsgw", "pw").binds(binds).build(),
                        new SmscConfigs.SubmitSection(10, 1000, 0.2))));
    }

    private static void await(BooleanSupplier condition, Duration max, String what) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void start_withSimulatedSmsc_storesAnswersAndServesHttp() throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().port(0).credentials("smsgw", "pw").window(20).build();
        try (SmscSimulator smsc = new SmscSimulator(sim).start()) {
            try (Gateway g = Gateway.start(config("sim", smsc, 2), Clock.systemUTC())) {
                await(() -> g.sessions().get(0).boundCount() == 2, Duration.ofSeconds(10), "binds");
                MoInjection inj = smsc.inject(MoGenerator.withDefaultMix(42), 500);
                assertTrue(inj.awaitDone(Duration.ofSeconds(60)));
                assertEquals(500, inj.ackedCount());
                long stored = g.dispatch().reports().after(0, 1000).size();
                assertEquals(500, stored);
                await(() -> g.outbound().countByState().count(Lane.REPLY, OutboundState.DELIVERED) > 0
                        && g.outbound().countByState().count(Lane.REPLY, OutboundState.PENDING) == 0
                        && g.outbound().countByState().count(Lane.REPLY, OutboundState.CLAIMED) == 0
                        && g.outbound().countByState().count(Lane.REPLY, OutboundState.SUBMITTED) == 0,
                        Duration.ofSeconds(30), "replies delivered");
                assertEquals(smsc.submitCount(), g.outbound().countByState().count(Lane.REPLY, OutboundState.DELIVERED));

                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + g.httpPort();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
                assertTrue(health.body().contains("\"smsc.sim\""), health.body());
                String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(metrics.contains("smsgw_mo_received_total"), "MO meters registered");
                assertTrue(metrics.contains("smsgw_bind_state"), "bind state gauges registered");
                assertTrue(metrics.contains("smsgw_mt_submitted_total"), "MT meters registered");
                // the embedded police queue has no consumer here: every case is still to be delivered
                int policeCases = g.dispatch().police().after(0, 1000).size();
                assertTrue(policeCases > 0, "the mix has fraud reports");
                assertEquals(List.of("smsgw_police_outbox_pending " + policeCases + ".0",
                        "smsgw_police_outbox_unrenderable 0.0"), metrics.lines()
                        .filter(l -> l.startsWith("smsgw_police_outbox_")).sorted().toList());
                assertTrue(metrics.lines().noneMatch(l -> l.startsWith("smsgw_police_published")),
                        "no relay without RabbitMQ");
                // the API lists every stored message once, page by page, and the metrics count the same
                Set<String> caseIds = new java.util.HashSet<>();
                long after = 0;
                for (int page = 0; page < 100; page++) {
                    String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports?limit=200&after="
                            + after)).build(), HttpResponse.BodyHandlers.ofString()).body();
                    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(body);
                    json.get("reports").forEach(r -> assertTrue(caseIds.add(r.get("caseId").asText()), r.toString()));
                    if (json.get("next").asLong() == after) {
                        break;
                    }
                    after = json.get("next").asLong();
                }
                assertEquals(500, caseIds.size());
                assertEquals(List.of("smsgw_mo_committed_total 500.0"),
                        metrics.lines().filter(l -> l.startsWith("smsgw_mo_committed_total")).toList());
                // the queue proper only, waiting and being sent, and nothing of it left
                assertEquals(List.of("smsgw_outbound_depth{lane=\"CAMPAIGN\",state=\"CLAIMED\"} 0.0",
                        "smsgw_outbound_depth{lane=\"CAMPAIGN\",state=\"PENDING\"} 0.0",
                        "smsgw_outbound_depth{lane=\"REPLY\",state=\"CLAIMED\"} 0.0",
                        "smsgw_outbound_depth{lane=\"REPLY\",state=\"PENDING\"} 0.0"),
                        metrics.lines().filter(l -> l.startsWith("smsgw_outbound_depth{")).sorted().toList());
            }
        }
    }

    @Test
    void start_serialWriteSteps_runAtTheHighestJavaPriority() throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().port(0).credentials("smsgw", "pw").window(20).build();
        try (SmscSimulator smsc = new SmscSimulator(sim).start()) {
            // a name of its own, so that threads other tests left behind are told apart
            try (Gateway g = Gateway.start(config("prio", smsc, 1), Clock.systemUTC())) {
                await(() -> g.sessions().get(0).boundCount() == 1, Duration.ofSeconds(10), "bind");
                MoInjection inj = smsc.inject(MoGenerator.withDefaultMix(7), 50);
                assertTrue(inj.awaitDone(Duration.ofSeconds(30)));
                await(() -> g.outbound().countByState().count(Lane.REPLY, OutboundState.DELIVERED) > 0,
                        Duration.ofSeconds(30), "a reply delivered");
                Map<String, Set<Integer>> priorities = new TreeMap<>();
                Pattern ofThisGateway = Pattern.compile("(smsgw-[a-z-]+?)-?prio[-/].*");
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    Matcher m = ofThisGateway.matcher(t.getName());
                    String kind = m.matches() ? m.group(1) : t.getName();
                    priorities.computeIfAbsent(kind, k -> new TreeSet<>()).add(t.getPriority());
                }
                Set<Integer> highest = Set.of(Thread.MAX_PRIORITY);
                for (String serial : List.of("smsgw-intake-writer", "smsgw-sqlite-sync", "smsgw-mt-claim",
                        "smsgw-mt-dispatch", "smsgw-mt", "smsgw-mt-settle", "smsgw-mt-receipts")) {
                    assertEquals(highest, priorities.get(serial), serial + " in " + priorities);
                }
                // the answer writer, which a raised thread may start, at normal
                assertEquals(Set.of(Thread.NORM_PRIORITY), priorities.get("smsgw-mo-answers"), priorities.toString());
            }
        }
    }

    @Test
    void start_adminPortTaken_isAConfigurationErrorBeforeAnySmscIsBound() throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().port(0).credentials("smsgw", "pw").build();
        try (SmscSimulator smsc = new SmscSimulator(sim).start();
             java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            GatewayConfig c = config("sim", smsc, 1).withHttp(new HttpConfig("127.0.0.1", taken.getLocalPort()));

            vn.smsgw.gateway.config.ConfigException e = assertThrows(vn.smsgw.gateway.config.ConfigException.class,
                    () -> Gateway.start(c, Clock.systemUTC()));

            assertTrue(e.getMessage().startsWith("http.host and http.port"), e.getMessage());
            assertEquals(0, smsc.stats().binds(), "no SMSC bound");
            Gateway.start(config("sim", smsc, 1), Clock.systemUTC()).close(); // the store and its lock were released
        }
    }

    @Test
    void start_secondGatewayOnTheSameEmbeddedStore_isRefusedUntilTheFirstStops() throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().port(0).credentials("smsgw", "pw").build();
        try (SmscSimulator smsc = new SmscSimulator(sim).start()) {
            Gateway first = Gateway.start(config("sim", smsc, 1), Clock.systemUTC());
            try {
                UncheckedIOException e = assertThrows(UncheckedIOException.class,
                        () -> Gateway.start(config("sim", smsc, 1), Clock.systemUTC()));
                assertTrue(e.getMessage().contains("in use by another smsgw gateway in this process"),
                        e.getMessage());
                assertTrue(first.dispatch().reports().after(0, 10).isEmpty(), "the first gateway still serves");
            } finally {
                first.close();
            }
            try (Gateway again = Gateway.start(config("sim", smsc, 1), Clock.systemUTC())) {
                assertEquals(0, again.dispatch().reports().after(0, 10).size());
            }
        }
    }

    @Test
    void start_twoSmscs_takesMoFromBothAndAnswersEveryReporter() throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().port(0).credentials("smsgw", "pw").window(10).build();
        try (SmscSimulator a = new SmscSimulator(sim).start(); SmscSimulator b = new SmscSimulator(sim).start()) {
            // both simulators hand out message ids 1, 2, 3...: a receipt of one must not settle a message sent through
            // the other
            GatewayConfig two = config("a", a, 1).withSmscs(List.of(
                    new SmscConfigs.Smsc(SmscConfig.builder("a").address("127.0.0.1", a.port())
                            .credentials("smsgw", "pw").build(), new SmscConfigs.SubmitSection(10, 1000, 0.2)),
                    new SmscConfigs.Smsc(SmscConfig.builder("b").address("127.0.0.1", b.port())
                            .credentials("smsgw", "pw").build(), new SmscConfigs.SubmitSection(10, 1000, 0.2))));
            try (Gateway g = Gateway.start(two, Clock.systemUTC())) {
                await(() -> g.sessions().stream().allMatch(s -> s.boundCount() == 1), Duration.ofSeconds(10),
                        "both SMSCs bound");
                MoInjection fromA = a.inject(reports("8491", 100));
                MoInjection fromB = b.inject(reports("8492", 100));
                assertTrue(fromA.awaitDone(Duration.ofSeconds(60)));
                assertTrue(fromB.awaitDone(Duration.ofSeconds(60)));
                assertEquals(100, fromA.ackedCount());
                assertEquals(100, fromB.ackedCount());
                assertEquals(200, g.dispatch().reports().after(0, 1000).size());
                await(() -> g.outbound().countByState().count(Lane.REPLY, OutboundState.DELIVERED)
                        == a.submitCount() + b.submitCount() && a.submitCount() + b.submitCount() > 0
                        && g.outbound().countByState().count(Lane.REPLY, OutboundState.PENDING) == 0
                        && g.outbound().countByState().count(Lane.REPLY, OutboundState.CLAIMED) == 0,
                        Duration.ofSeconds(30), "every reply delivered, each by the receipt of its own SMSC");
                Set<String> smscIds = new java.util.TreeSet<>();
                g.dispatch().reports().after(0, 1000).forEach(r -> smscIds.add(r.smscId()));
                assertEquals(Set.of("a", "b"), smscIds, "each report keeps the SMSC it came from");
                assertEquals(100, a.submitCount());
                assertEquals(100, b.submitCount());
                assertTrue(a.received().stream().allMatch(r -> r.destinationAddr().startsWith("8491")),
                        "the replies to reports that came in through a leave through a");
                assertTrue(b.received().stream().allMatch(r -> r.destinationAddr().startsWith("8492")),
                        "the replies to reports that came in through b leave through b");
            }
        }
    }

    /** {@code n} reports from distinct reporters whose numbers start with {@code prefix}. */
    private static List<MoMessage> reports(String prefix, int n) {
        List<MoMessage> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MoMessage(prefix + String.format("%07d", i), "156", "V 0987654321 quang cao " + i));
        }
        return out;
    }
}
