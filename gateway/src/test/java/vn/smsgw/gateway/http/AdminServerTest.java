package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.smsgw.dispatch.Dispatch;
import vn.smsgw.dispatch.DispatchSettings;
import vn.smsgw.dispatch.intake.InboundSms;
import vn.smsgw.dispatch.intake.IntakeResult;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.gateway.report.ParseResultJson;
import vn.smsgw.parser.report.ReportParser;

/** The admin server over a real dispatch on SQLite, through a real socket. */
class AdminServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "a-reporter-hash-key-for-tests";
    private static final int QUEUE_CAPACITY = 20_000;

    @TempDir
    Path dir;

    private Database database;
    private Dispatch dispatch;
    private AdminServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        database = Database.open(DatabaseConfig.sqlite(dir));
        dispatch = Dispatch.open(database, DispatchSettings.defaults(KEY), Clock.systemUTC());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new DispatchMetrics(dispatch.intake()).bindTo(registry);
        List<HealthCheck> checks = List.of(HealthChecks.store(database), HealthChecks.intake(dispatch.intake()),
                HealthChecks.intakeQueue(dispatch.intake(), QUEUE_CAPACITY));
        server = AdminServer.start(AdminSettings.defaults().withPort(0),
                AdminRoutes.standard(dispatch, registry, checks));
    }

    @AfterEach
    void stop() {
        server.close();
        dispatch.close();
        database.close();
    }

    private record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    /** A body run against a second server. */
    @FunctionalInterface
    private interface Serving {
        void run(AdminServer other) throws Exception;
    }

    /** A second server with {@code settings} over the same dispatch and store, its own metrics and a store check. */
    private AdminServer started(AdminSettings settings) {
        return AdminServer.start(settings, AdminRoutes.standard(dispatch,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(HealthChecks.store(database))));
    }

    /** Runs {@code body} with a second server, started with {@code settings}, as the one {@link #send} uses. */
    private void serving(AdminSettings settings, Serving body) throws Exception {
        try (AdminServer other = started(settings)) {
            AdminServer open = server;
            server = other;
            try {
                body.run(other);
            } finally {
                server = open;
            }
        }
    }

    private Answer send(String method, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Answer get(String path, String... headers) {
        return send("GET", path, headers);
    }

    private IntakeResult.Stored store(String reporter, String text) {
        IntakeResult r = dispatch.intake().accept(InboundSms.text(reporter, "156", text, "smsc-1", Instant.now()));
        return assertInstanceOf(IntakeResult.Stored.class, r);
    }

    private static JsonNode parseJson(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = ParseResultJson.generator(out)) {
            ParseResultJson.write(g, new ReportParser().parse(text));
        }
        return MAPPER.readTree(out.toByteArray());
    }

    @Test
    void health_freshDispatch_is200WithStoreAndQueueUp() {
        Answer a = get("/health");

        assertEquals(200, a.status());
        assertEquals("UP", a.json().get("status").asText());
        assertEquals("UP", a.json().at("/checks/store/status").asText());
        assertEquals("SQLITE", a.json().at("/checks/store/dialect").asText());
        assertEquals(QUEUE_CAPACITY, a.json().at("/checks/intakeQueue/capacity").asInt());
    }

    @Test
    void health_databaseClosed_is503WithStoreDown() {
        database.close();

        Answer a = get("/health");

        assertEquals(503, a.status());
        assertEquals("DOWN", a.json().at("/checks/store/status").asText());
        assertEquals("UP", a.json().at("/checks/intakeQueue/status").asText());
    }

    @Test
    void health_storeReadableButRefusingEveryCommit_is503WithIntakeDownUntilACommitSucceeds() {
        execute("CREATE TRIGGER refuse_reports BEFORE INSERT ON report BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        assertInstanceOf(IntakeResult.Unavailable.class, dispatch.intake().accept(InboundSms.text("84912345678",
                "156", "LD 0987654321 goi gia danh cong an", "smsc-1", Instant.now())));

        Answer down = get("/health");

        assertEquals(503, down.status());
        assertEquals("UP", down.json().at("/checks/store/status").asText(), "SELECT 1 still works");
        assertEquals("UP", down.json().at("/checks/intakeQueue/status").asText(), "and the queue is empty");
        assertEquals("DOWN", down.json().at("/checks/intake/status").asText());
        assertTrue(down.json().at("/checks/intake/error").asText().contains("disk full"), down.body());

        execute("DROP TRIGGER refuse_reports");
        store("84912345678", "LD 0987654321 goi gia danh cong an");

        assertEquals(200, get("/health").status());
    }

    private void execute(String sql) {
        database.inTransaction(tx -> {
            try (var st = JdbcTx.of(tx).connection().createStatement()) {
                st.execute(sql);
            }
            return null;
        });
    }

    @Test
    void reports_threeStored_returnedInOrderWithMaskedReporters() {
        store("84912345678", "LD 0987654321 goi gia danh cong an");
        store("0912345679", "S VCB-BANK trung thuong");
        store("84912345670", "XYZ");

        Answer a = get("/api/reports");

        assertEquals(200, a.status());
        assertEquals("application/json", a.contentType());
        JsonNode reports = a.json().get("reports");
        assertEquals(3, reports.size());
        assertEquals("84912***678", reports.get(0).get("reporter").asText());
        assertEquals("84912***679", reports.get(1).get("reporter").asText());
        assertEquals("84912***670", reports.get(2).get("reporter").asText());
        assertFalse(a.body().contains("912345678"), a.body());
        assertEquals(reports.get(2).get("id").asLong(), a.json().get("next").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "LD 0987654321 goi gia danh cong an",
            "V(0812341213) lua dao",
            "S [FE CREDIT] vay tiền nhanh 😀",
            "S 01686 123 456",
            "S 1900 1234 tin rac",
            "LD +1 202 555 0123 lua",
            "XYZ 0912345678",
            "V",
            "S 04 1234 5678 qc",
            "S ABCDEFGHIJKLMNO qc",
            ""})
    void reports_storedText_hasTheValuesSmsgwParseGives(String text) throws IOException {
        String caseId = store("84912345678", text).caseId().value();

        JsonNode report = get("/api/reports/" + caseId).json();

        JsonNode parse = parseJson(text);
        for (String field : List.of(ParseResultJson.COMMAND, ParseResultJson.SOURCE, ParseResultJson.SOURCE_TYPE,
                ParseResultJson.CARRIER, ParseResultJson.CONTENT, ParseResultJson.ERROR)) {
            JsonNode expected = parse.path(field);
            assertEquals(expected.isMissingNode() ? "null" : expected.toString(), report.get(field).toString(),
                    field + " of " + text);
        }
        assertEquals(caseId, report.get("caseId").asText());
        assertEquals("156", report.get("shortCode").asText());
        assertTrue(report.get("receivedAt").asText().endsWith("+07:00"), report.toString());
    }

    @Test
    void reports_pagedWithAfter_returnsTheRest() {
        for (int i = 0; i < 5; i++) {
            store("8491234567" + i, "S 0987654321 spam " + i);
        }

        JsonNode first = get("/api/reports?limit=2").json();
        JsonNode rest = get("/api/reports?limit=10&after=" + first.get("next").asLong()).json();

        assertEquals(2, first.get("reports").size());
        assertEquals(3, rest.get("reports").size());
        assertEquals("spam 2", rest.at("/reports/0/content").asText());
        assertEquals(rest.at("/reports/2/id").asLong(), rest.get("next").asLong());
    }

    @Test
    void blocklist_threeReportersOfOneNumber_listedInJsonAndCsv() {
        for (int i = 0; i < 3; i++) {
            store("8491234567" + i, "LD 0987654321 goi lua dao");
        }

        JsonNode json = get("/api/blocklist/VIETTEL").json();
        Answer csv = get("/api/blocklist/VIETTEL", "Accept", "text/csv");

        assertEquals(1, json.size());
        assertEquals("+84987654321", json.at("/0/source").asText());
        assertEquals(3, json.at("/0/reporters").asInt());
        assertEquals("text/csv; charset=utf-8", csv.contentType());
        String[] lines = csv.body().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith("VIETTEL,+84987654321,MOBILE,3,"), lines[1]);
    }

    @Test
    void blocklistChanges_afterListing_hasListedEvent() {
        for (int i = 0; i < 3; i++) {
            store("8491234567" + i, "LD 0987654321 goi lua dao");
        }

        JsonNode changes = get("/api/blocklist/VIETTEL/changes").json();

        assertEquals(1, changes.get("events").size());
        assertEquals("LISTED", changes.at("/events/0/kind").asText());
        assertEquals("+84987654321", changes.at("/events/0/source").asText());
        assertEquals(changes.at("/events/0/seq").asLong(), changes.get("next").asLong());
    }

    @Test
    void blocklist_exportLargerThanOnePage_isStreamedWhole() {
        int sources = 200;
        List<CompletableFuture<IntakeResult>> pending = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            for (int r = 0; r < 3; r++) {
                String reporter = "0912" + String.format("%06d", s * 3 + r);
                String source = "0987" + String.format("%06d", s);
                pending.add(dispatch.intake().submit(InboundSms.text(reporter, "156", "LD " + source, "smsc-1",
                        Instant.now())));
            }
        }
        pending.forEach(f -> assertInstanceOf(IntakeResult.Stored.class, f.join()));

        Answer json = get("/api/blocklist/VIETTEL?format=json");
        Answer csv = get("/api/blocklist/VIETTEL?format=csv");

        assertTrue(json.body().length() > ChunkedBodyStream.PAGE_SIZE, "export is " + json.body().length());
        assertEquals(sources, json.json().size());
        assertEquals(sources + 1, csv.body().split("\n").length);
    }

    @Test
    void blocklist_exportWithTheStoreDown_is503NotATruncated200() {
        database.close();

        for (String format : List.of("json", "csv")) {
            Answer a = get("/api/blocklist/VIETTEL?format=" + format);

            assertEquals(503, a.status(), format + ": " + a.body());
            assertEquals("store unavailable", a.json().get("error").asText());
        }
    }

    /** {@code POST /api/campaigns} with the query {@code query}. */
    private Answer createCampaign(String query) {
        return send("POST", "/api/campaigns?" + query);
    }

    @Test
    void campaignCreate_badValues_are400NamingEachParameter() throws IOException {
        Path audience = Files.writeString(dir.resolve("audience.csv"), "0912345678\n0987654321\n");
        String good = "name=k1&text=Canh+bao&audience=" + audience;

        for (String[] bad : new String[][] {
                {"encoding=klingon", "encoding"}, {"window=25:00-26:00", "window"}, {"start=tomorrow", "start"},
                {"sender=%21%21", "sender"}, {"tps=0", "tps"}, {"validityMinutes=0", "validityMinutes"},
                {"type=robots", "type"}, {"start=%2B300000000-01-01T00:00:00Z", "start"},
                {"start=1970-01-02T00:00:00Z", "start"}}) {
            Answer a = createCampaign(good + "&" + bad[0] + (bad[1].equals("sender") ? "" : "&sender=156"));

            assertEquals(400, a.status(), bad[0] + ": " + a.body());
            assertEquals(bad[1], a.json().get("parameter").asText(), bad[0] + ": " + a.body());
        }
        Answer text = createCampaign("name=k1&text=&sender=156&audience=" + audience);
        assertEquals("text", text.json().get("parameter").asText(), text.body());
        Answer local = createCampaign("name=local-start&text=Canh+bao&sender=156&start=2099-03-02T07:00&audience="
                + audience);
        assertEquals(201, local.status(), "a Ho Chi Minh local time, as smsgw campaign create takes: " + local.body());
        assertEquals("2099-03-02T00:00:00Z", get("/api/campaigns/local-start").json().get("startAt").asText());
        Answer emoji = createCampaign("name=k1&encoding=unaccented&text=%F0%9F%98%80&sender=156&audience=" + audience);
        assertEquals(400, emoji.status(), emoji.body());
        assertEquals("text", emoji.json().get("parameter").asText(), "GSM-7 cannot carry it: " + emoji.body());
    }

    @Test
    void campaignCreate_audienceNotARegularFile_is400AndCreatesNothing() {
        for (String path : List.of(dir.toString(), "/dev/zero", dir.resolve("missing.csv").toString(), "%00")) {
            Answer a = createCampaign("name=k2&text=Canh+bao&sender=156&audience=" + path);

            assertEquals(400, a.status(), path + ": " + a.body());
            assertEquals("audience", a.json().get("parameter").asText());
        }
        assertEquals(0, get("/api/campaigns").json().get("campaigns").size());
    }

    @Test
    void campaignCreate_filterOnAColumnTheAudienceLacks_is400AndLeavesNoDraft() throws IOException {
        Path audience = Files.writeString(dir.resolve("audience.csv"), "0912345678\n0987654321\n");

        Answer a = createCampaign("name=k4&text=Canh+bao&sender=156&province=Ha+Noi&audience=" + audience);

        assertEquals(400, a.status(), a.body());
        assertEquals("audience", a.json().get("parameter").asText());
        assertEquals(0, get("/api/campaigns").json().get("campaigns").size(), "no half-made draft under k4");
        Path withProvince = Files.writeString(dir.resolve("with-province.csv"), "number,province\n0912345678,Ha Noi\n");
        assertEquals(201, createCampaign("name=k4&text=Canh+bao&sender=156&province=Ha+Noi&audience="
                + withProvince).status(), "the name is free again");
    }

    @Test
    void campaignCreate_nameTaken_is409AndTheFirstIsKept() throws IOException {
        Path audience = Files.writeString(dir.resolve("audience.csv"), "0912345678\n");
        String query = "name=k3&text=Canh+bao&sender=156&audience=" + audience;

        assertEquals(201, createCampaign(query).status());
        Answer again = createCampaign(query);

        assertEquals(409, again.status(), again.body());
        assertTrue(again.json().get("error").asText().contains("k3"), again.body());
        assertEquals(1, get("/api/campaigns").json().get("campaigns").size());
    }

    @Test
    void police_ldReports_listedPulledAndAcked() {
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            caseIds.add(store("8491234567" + i, "LD 0987654321 goi lua dao").caseId().value());
        }

        JsonNode list = get("/api/police").json();
        JsonNode pulled = send("POST", "/api/police/pull?max=2").json();
        JsonNode again = send("POST", "/api/police/pull?max=2").json();
        Answer ack = send("POST", "/api/police/" + caseIds.get(0) + "/ack");

        assertEquals(caseIds, List.of(list.at("/cases/0/caseId").asText(), list.at("/cases/1/caseId").asText(),
                list.at("/cases/2/caseId").asText()));
        assertEquals("+84987654321", list.at("/cases/0/case/offender").asText());
        assertEquals(2, pulled.get("cases").size());
        assertEquals(1, again.get("cases").size());
        assertEquals(200, ack.status());
        assertTrue(ack.json().get("acked").asBoolean());
    }

    @Test
    void police_ackUnknownCase_is404() {
        assertEquals(404, send("POST", "/api/police/K7M2QX9D/ack").status());
    }

    @Test
    void metrics_afterThreeStored_countsCommitted() {
        for (int i = 0; i < 3; i++) {
            store("8491234567" + i, "S 0987654321 spam");
        }

        Answer a = get("/metrics");

        assertEquals(200, a.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", a.contentType());
        assertTrue(a.body().contains("smsgw_mo_committed_total 3.0\n"), a.body());
        assertTrue(a.body().contains("smsgw_intake_queue_depth 0.0\n"), a.body());
        assertTrue(a.body().contains("smsgw_mo_duplicates_total 0.0\n"), a.body());
        assertTrue(a.body().contains("smsgw_mo_late_parts_total 0.0\n"), a.body());
    }

    @Test
    void request_unknownPath_is404() {
        assertEquals(404, get("/api/nothing").status());
    }

    @Test
    void request_withAToken_needsItForTheApiButNotForHealthOrMetrics() throws Exception {
        String token = "s3cret-admin-token-0123";
        AdminSettings settings = AdminSettings.defaults().withPort(0).withToken(token);
        serving(settings, guarded -> {
            Answer none = get("/api/reports");
            assertEquals(401, none.status());
            assertEquals("a bearer token is required", none.json().get("error").asText());
            assertEquals(401, get("/api/reports", "Authorization", "Bearer wrong-token-of-some-length").status());
            assertEquals(401, get("/api/reports", "Authorization", "Basic " + token).status());
            assertEquals(401, send("POST", "/api/police/pull?max=2").status(), "writes too");
            assertEquals(200, get("/api/reports", "Authorization", "Bearer " + token).status());
            assertEquals(200, get("/api/reports", "Authorization", "bearer " + token).status());
            assertEquals(200, get("/health").status());
            assertEquals(200, get("/metrics").status());
        });
    }

    @Test
    void request_withScopedTokens_eachOpensOnlyItsScopes() throws Exception {
        String operator = "operator-token-0123456789";
        String police = "police-token-0123456789";
        String carrier = "carrier-token-0123456789";
        AdminSettings settings = AdminSettings.defaults().withPort(0).withToken(operator).withTokens(List.of(
                new ScopedToken(police, Set.of(AdminScope.POLICE)),
                new ScopedToken(carrier, Set.of(AdminScope.BLOCKLISTS))));
        store("0912345678", "LD 0987654321 lua dao");
        serving(settings, scoped -> {
            String asPolice = "Bearer " + police;
            String asCarrier = "Bearer " + carrier;
            assertEquals(200, get("/api/police", "Authorization", asPolice).status());
            assertEquals(200, send("POST", "/api/police/pull?max=1", "Authorization", asPolice).status());
            Answer reports = get("/api/reports", "Authorization", asPolice);
            assertEquals(403, reports.status(), "the police token reads no reports");
            assertEquals("this token does not give access to reports", reports.json().get("error").asText());
            assertEquals(403, get("/api/blocklist/VIETTEL", "Authorization", asPolice).status());

            assertEquals(200, get("/api/blocklist/VIETTEL", "Authorization", asCarrier).status());
            assertEquals(200, get("/api/blocklist/VIETTEL/changes", "Authorization", asCarrier).status());
            assertEquals(403, get("/api/police", "Authorization", asCarrier).status(),
                    "a carrier's token reads no reporter numbers");
            assertEquals(403, send("POST", "/api/blocklist/VIETTEL/entries/0987654321/delist?reason=x&actor=c",
                    "Authorization", asCarrier).status(), "nor changes the blocklists");
            assertEquals(403, get("/api/campaigns", "Authorization", asCarrier).status());

            for (String path : List.of("/api/police", "/api/reports", "/api/blocklist/VIETTEL", "/api/campaigns")) {
                assertEquals(200, get(path, "Authorization", "Bearer " + operator).status(), path);
            }
            assertEquals(401, get("/api/police", "Authorization", "Bearer some-other-token-0123").status());
            assertEquals(200, get("/health").status());
            // percent-escaped paths get the scope of the route they match, not of their spelling
            assertEquals(403, get("/api/%70olice", "Authorization", asCarrier).status());
            assertEquals(200, get("/api/%70olice", "Authorization", asPolice).status());
            assertEquals(401, get("/%68ealth/../api/police").status());
            assertEquals(403, send("POST", "/api/blocklist/VIETTEL/entries/0987654321/%64elist?reason=x&actor=c",
                    "Authorization", asCarrier).status());
        });
    }

    @Test
    void request_withReportsAndCampaignsTokens_eachServedInItsScope() throws Exception {
        String reports = "reports-token-0123456789";
        String campaigns = "campaigns-token-0123456789";
        AdminSettings settings = AdminSettings.defaults().withPort(0).withTokens(List.of(
                new ScopedToken(reports, Set.of(AdminScope.REPORTS)),
                new ScopedToken(campaigns, Set.of(AdminScope.CAMPAIGNS))));
        serving(settings, scoped -> {
            assertEquals(200, get("/api/reports", "Authorization", "Bearer " + reports).status());
            assertEquals(403, get("/api/campaigns", "Authorization", "Bearer " + reports).status());
            assertEquals(200, get("/api/campaigns", "Authorization", "Bearer " + campaigns).status());
            assertEquals(403, get("/api/reports", "Authorization", "Bearer " + campaigns).status());
        });
    }

    @Test
    void settings_sameTokenTwice_isRefusedAtStart() {
        AdminSettings settings = AdminSettings.defaults().withPort(0).withToken("operator-token-0123456789")
                .withTokens(List.of(new ScopedToken("operator-token-0123456789", Set.of(AdminScope.POLICE))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminServer.start(settings, AdminRoutes.of(List.of())).close());
        assertEquals("a token is given twice: each token opens its own scopes", e.getMessage());
    }

    @Test
    void scopedToken_invalid_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ScopedToken("short", Set.of(AdminScope.POLICE)));
        assertThrows(IllegalArgumentException.class, () -> new ScopedToken("long-enough-token-123", Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ScopedToken("long-enough-token-123", Set.of(AdminScope.OPEN)));
        assertEquals("ScopedToken[***, scopes=blocklists,police]", new ScopedToken("long-enough-token-123",
                Set.of(AdminScope.POLICE, AdminScope.BLOCKLISTS)).toString());
    }

    @Test
    void request_overTls_isServedWithTheTokenAndPlainHttpIsNot() throws Exception {
        String token = "s3cret-admin-token-0123";
        TestCertificates.Pair pair = TestCertificates.generate(dir, "admin", "RSA");
        AdminSettings settings = AdminSettings.defaults().withPort(0).withToken(token)
                .withTls(new AdminTls(pair.certificate().toString(), pair.key().toString()));
        store("0912345678", "LD 0987654321 lua dao");
        try (AdminServer tls = started(settings)) {
            HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(pair.trustingIt()).connectTimeout(Duration.ofSeconds(5)).build();
            URI reports = URI.create("https://localhost:" + tls.port() + "/api/reports");
            HttpResponse<String> denied = https.send(HttpRequest.newBuilder(reports).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, denied.statusCode());
            HttpResponse<String> listed = https.send(HttpRequest.newBuilder(reports)
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, listed.statusCode());
            assertEquals(1, MAPPER.readTree(listed.body()).get("reports").size());
            assertEquals("TLSv1.3", listed.sslSession().orElseThrow().getProtocol());

            // plain HTTP to the TLS port: the connection is closed, promptly, with no HTTP answer
            try (java.net.Socket raw = new java.net.Socket("127.0.0.1", tls.port())) {
                raw.setSoTimeout(10_000);
                raw.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] answer = raw.getInputStream().readAllBytes();
                assertFalse(new String(answer, StandardCharsets.ISO_8859_1).contains("HTTP/"),
                        "an HTTP answer on the TLS port");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC", "RSA"})
    void tls_onlyForwardSecretAeadSuites(String keyType) throws Exception {
        TestCertificates.Pair pair = TestCertificates.generate(dir, "admin-" + keyType, keyType);
        AdminSettings settings = AdminSettings.defaults().withPort(0)
                .withTls(new AdminTls(pair.certificate().toString(), pair.key().toString()));
        String auth = keyType.equals("EC") ? "ECDSA" : "RSA";
        try (AdminServer tls = started(settings)) {
            javax.net.ssl.SSLContext client = pair.trustingIt();
            for (String suite : List.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_" + auth + "_WITH_AES_128_GCM_SHA256")) {
                try (javax.net.ssl.SSLSocket s = handshakeSocket(client, tls.port(), suite)) {
                    s.startHandshake();
                    assertEquals(suite, s.getSession().getCipherSuite());
                }
            }
            // each of these the JDK's defaults would take with this certificate
            List<String> refused = new ArrayList<>(List.of("TLS_ECDHE_" + auth + "_WITH_AES_128_CBC_SHA"));
            if (keyType.equals("RSA")) {
                refused.add("TLS_RSA_WITH_AES_128_GCM_SHA256");
            }
            for (String suite : refused) {
                try (javax.net.ssl.SSLSocket s = handshakeSocket(client, tls.port(), suite)) {
                    assertThrows(IOException.class, s::startHandshake, suite + " must be refused");
                }
            }
        }
    }

    private static javax.net.ssl.SSLSocket handshakeSocket(javax.net.ssl.SSLContext client, int port, String suite)
            throws IOException {
        javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.setEnabledCipherSuites(new String[] {suite});
        s.setEnabledProtocols(new String[] {suite.startsWith("TLS_AES") ? "TLSv1.3" : "TLSv1.2"});
        return s;
    }

    @Test
    void request_wrongTokenOrBrokenQuery_saysWhichIsWrong() throws Exception {
        AdminSettings settings = AdminSettings.defaults().withPort(0).withToken("s3cret-admin-token-0123");
        serving(settings, guarded -> {
            Answer wrong = get("/api/reports", "Authorization", "Bearer wrong-token-of-some-length");
            assertEquals(401, wrong.status());
            assertEquals("invalid bearer token", wrong.json().get("error").asText());
            // a broken %-escape in the query, sent raw: java.net.URI would not let it out
            try (java.net.Socket raw = new java.net.Socket("127.0.0.1", guarded.port())) {
                raw.setSoTimeout(10_000);
                raw.getOutputStream().write("GET /health?a=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
                assertTrue(answer.contains("{\"error\":\"malformed query\"}"), answer);
            }
        });
    }

    @Test
    void settings_shortToken_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminSettings.defaults().withToken("short"));
        assertTrue(e.getMessage().contains("at least 16 characters"), e.getMessage());
    }

    @Test
    void start_portInUse_throwsNamingTheAddress() {
        AdminSettings same = AdminSettings.defaults().withPort(server.port());
        AdminRoutes routes = AdminRoutes.of(List.of());

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AdminServer.start(same, routes));
        assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
    }

    @Test
    void operatorDelist_numberListedByReports_leavesTheExportAndIsAudited() {
        for (String reporter : List.of("0912000001", "0912000002", "0912000003")) {
            store(reporter, "LD 0987654321 gia danh cong an");
        }
        assertEquals(1, get("/api/blocklist/VIETTEL").json().size());

        Answer delisted = send("POST",
                "/api/blocklist/VIETTEL/entries/0987654321/delist?reason=court%20order&actor=op1");

        assertEquals(200, delisted.status(), delisted.body);
        assertEquals(0, get("/api/blocklist/VIETTEL").json().size());
        assertEquals("DELISTED", get("/api/blocklist/VIETTEL/changes").json().at("/events/1/kind").asText());
        assertEquals("court order", get("/api/audit/0987654321").json().at("/records/0/reason").asText());
    }
}
