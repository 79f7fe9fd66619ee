package vn.smsgw.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.routing.Route;
import vn.smsgw.dispatch.routing.RouteAction;
import vn.smsgw.dispatch.store.SqliteSync;
import vn.smsgw.gateway.http.AdminScope;
import vn.smsgw.gateway.http.ScopedToken;
import vn.smsgw.gateway.http.TestCertificates;
import vn.smsgw.gateway.smpp.BindMode;
import vn.smsgw.gateway.smpp.ShortCodeAddressing;
import vn.smsgw.gateway.smpp.SubmitterConfig;
import vn.smsgw.parser.report.Command;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.ReportParser;

class GatewayConfigTest {
    @TempDir
    Path dir;

    @Test
    void load_enquireLinkIntervalOfABareZero_isOff() throws Exception {
        GatewayConfig c = load("dataDir: DATA\nsmscs:\n  - name: a\n    host: 127.0.0.1\n    port: 2775\n"
                + "    systemId: gw\n    password: pw\n    enquireLinkInterval: 0\n", Map.of());

        assertEquals(Duration.ZERO, c.smscs().get(0).smpp().enquireLinkInterval());
    }

    private GatewayConfig load(String yaml, Map<String, String> env) throws Exception {
        Path f = dir.resolve("smsgw.yaml");
        Files.writeString(f, yaml.replace("DATA", dir.resolve("data").toString()));
        return GatewayConfig.load(f, env);
    }

    private String error(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml, Map.of())).getMessage();
    }

    @Test
    void load_keyWrittenTwice_isRefusedNamingItAndItsLine() {
        String e = error("dataDir: DATA\nhttp: {token: \"operator-token-0123456789\"}\nsmscs: []\n"
                + "http: {port: 8157}\n");

        assertTrue(e.contains("line 4: Duplicate field 'http'"), e);
        assertTrue(error("dataDir: DATA\nhttp:\n  token: \"a-first-token-0123456789\"\n  token: \"\"\n")
                .contains("Duplicate field 'token'"), "inside a section too");
    }

    @Test
    void load_tlsSectionWithNothingUnderIt_isRefusedNotServedAsPlainHttp() {
        String e = error("dataDir: DATA\nhttp:\n  token: \"operator-token-0123456789\"\n  tls:\n");

        assertTrue(e.contains("http.tls.certificate and http.tls.key are both needed"), e);
    }

    @Test
    void load_rabbitmqSectionWithNothingUnderIt_usesTheBrokerWithItsDefaults() throws Exception {
        GatewayConfig c = load("dataDir: DATA\nrabbitmq:\n", Map.of());

        assertNotNull(c.rabbitOrNull(), "the section's presence turns the broker on");
        assertEquals("127.0.0.1", c.rabbitOrNull().host());
        assertEquals(5672, c.rabbitOrNull().port());
    }

    @Test
    void load_pathWithANulCharacter_isRefusedNamingTheKey() {
        assertTrue(error("dataDir: \"/tmp/a\\0b\"\n").startsWith("dataDir: not a valid path"));
        assertTrue(error("dataDir: DATA\nblocklist: {allowlistFile: \"/tmp/a\\0b\"}\n")
                .startsWith("blocklist.allowlistFile: not a valid path"));
    }

    @Test
    void load_enumWrittenAsAYamlBoolean_saysToQuoteIt() {
        String e = error("dataDir: DATA\ndatabase: {sqliteSync: OFF}\n");

        assertTrue(e.startsWith("database.sqliteSync must be one of [FULL, NORMAL]; YAML reads an unquoted OFF, ON, "
                + "YES or NO as false: quote the name"), e);
    }

    @Test
    void load_emptyFraudMarker_isRefused() {
        String e = error("dataDir: DATA\nrouting: {fraudMarkers: [\"chuyen tien\", \"\"]}\n");

        assertTrue(e.contains("fraudMarkers has an empty phrase"), e);
        String halfWritten = error("dataDir: DATA\nrouting:\n  fraudMarkers:\n    - chuyen tien\n    -\n");
        assertTrue(halfWritten.contains("routing.fraudMarkers has an empty or nested element at position 2"),
                halfWritten);
    }

    @Test
    void load_missingFile_saysSo() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> GatewayConfig.load(dir.resolve("absent.yaml"), Map.of()));

        assertTrue(e.getMessage().endsWith("absent.yaml: no such file"), e.getMessage());
    }

    @Test
    void load_emptyFile_givesEmbeddedDefaults() throws Exception {
        GatewayConfig c = load("dataDir: DATA\n", Map.of());
        assertTrue(c.store().embedded());
        assertEquals(SqliteSync.FULL, c.store().sqliteSync());
        assertEquals("127.0.0.1", c.http().host());
        assertEquals(8156, c.http().port());
        assertNull(c.rabbitOrNull());
        assertEquals(30, c.dispatch().intake().dailyQuota());
        assertEquals(Duration.ofHours(48), c.dispatch().intake().dedupeWindow());
        assertEquals(0, c.dispatch().intake().writers(), "the store's choice");
        assertTrue(c.smscs().isEmpty());
        assertTrue(Files.exists(dir.resolve("data/reporter-hash.key")), "embedded key generated once");
    }

    @Test
    void load_embeddedKey_isStableAcrossLoads() throws Exception {
        String a = load("dataDir: DATA\n", Map.of()).dispatch().intake().reporterHashKey();
        String b = load("dataDir: DATA\n", Map.of()).dispatch().intake().reporterHashKey();
        assertEquals(a, b);
    }

    @Test
    void load_fullFile_readsEverySection() throws Exception {
        Files.writeString(dir.resolve("allow.csv"), "18001091,Vietcombank\n");
        GatewayConfig c = load("""
                dataDir: DATA
                database:
                  url: jdbc:postgresql://127.0.0.1:5432/test
                  user: postgres
                  password: ${PGPASS}
                  poolSize: 12
                http: {host: 0.0.0.0, port: 9000}
                rabbitmq: {host: 127.0.0.1, port: 5672, username: guest, password: '${RABBIT_PASS:-guest}'}
                intake:
                  reporterHashKey: ${KEY}
                  dailyQuota: 20
                  dedupeWindow: 24h
                  reassemblyTimeout: 2m
                  writers: 3
                blocklist:
                  thresholds:
                    LD: {reporters: 2, window: 3d}
                  allowlistFile: ALLOW
                routing:
                  fraudMarkers: [otp, chuyển khoản]
                police: {visibilityTimeout: 30s}
                smscs:
                  - name: vnpt
                    host: 10.0.0.1
                    port: 2775
                    systemId: smsgw
                    password: ${SMSC_PASS}
                    bindMode: rx_tx
                    binds: 2
                    submit: {window: 20, tps: 200, serviceType: CMT, shortCodeAddressing: abbreviated}
                """.replace("ALLOW", dir.resolve("allow.csv").toString()),
                Map.of("PGPASS", "pw", "KEY", "0123456789abcdef0123", "SMSC_PASS", "secret"));
        assertFalse(c.store().embedded());
        assertEquals("pw", c.store().database().password());
        assertEquals(12, c.store().database().poolSize());
        assertEquals(9000, c.http().port());
        assertEquals("guest", c.rabbitOrNull().password());
        assertEquals(20, c.dispatch().intake().dailyQuota());
        assertEquals(Duration.ofMinutes(2), c.dispatch().intake().reassemblyTimeout());
        assertEquals(3, c.dispatch().intake().writers());
        assertEquals(2, c.dispatch().thresholds().of(Command.LD).reporters());
        assertEquals(5, c.dispatch().thresholds().of(Command.V).reporters());
        assertEquals(dir.resolve("allow.csv").toString(), c.dispatch().allowlistFile());
        assertEquals(2, c.dispatch().fraudMarkers().size());
        assertEquals(Duration.ofSeconds(30), c.dispatch().policeVisibility());
        assertEquals("secret", c.smscs().get(0).smpp().password());
        assertEquals(BindMode.RX_TX, c.smscs().get(0).smpp().bindMode());
        assertEquals(20, c.smscs().get(0).submit().window());
        SubmitterConfig submitter = c.smscs().get(0).submit().submitterConfig();
        assertEquals(200, submitter.tps());
        assertEquals("CMT", submitter.serviceType());
        assertEquals(ShortCodeAddressing.ABBREVIATED, submitter.shortCodes());
        assertTrue(c.dispatch().settings(c.rabbitOrNull()).rabbit().isPresent());
    }

    @Test
    void load_noOutboundSection_holdsInDoubtClaimsTenSeconds() throws Exception {
        assertEquals(Duration.ofSeconds(10), load("dataDir: DATA\n", Map.of()).outbound().inDoubtHold());
    }

    @Test
    void load_outboundInDoubtHold_isRead() throws Exception {
        GatewayConfig c = load("dataDir: DATA\noutbound: {inDoubtHold: 45s}\n", Map.of());
        assertEquals(Duration.ofSeconds(45), c.outbound().inDoubtHold());
    }

    @Test
    void load_outboundInDoubtHoldZero_isAllowed() throws Exception {
        assertEquals(Duration.ZERO, load("dataDir: DATA\noutbound: {inDoubtHold: 0s}\n", Map.of())
                .outbound().inDoubtHold());
    }

    @Test
    void load_outboundInDoubtHoldLongerThanReceiptsAreKept_namesTheKey() {
        assertEquals("outbound.inDoubtHold must be at most 10m, not 11m",
                error("dataDir: DATA\noutbound: {inDoubtHold: 11m}\n"));
    }

    @Test
    void load_outboundInDoubtHoldNotADuration_namesTheKey() {
        String m = error("dataDir: DATA\noutbound: {inDoubtHold: ten seconds}\n");
        assertTrue(m.startsWith("outbound.inDoubtHold must be a duration"), m);
    }

    @Test
    void load_noOutboundSection_commitsTheQueueAtMostEveryFiveMillis() throws Exception {
        assertEquals(Duration.ofMillis(5), load("dataDir: DATA\n", Map.of()).outbound().commitInterval());
    }

    @Test
    void load_outboundCommitInterval_isRead() throws Exception {
        assertEquals(Duration.ZERO, load("dataDir: DATA\noutbound: {commitInterval: 0s}\n", Map.of())
                .outbound().commitInterval());
        assertEquals(Duration.ofMillis(20), load("dataDir: DATA\noutbound: {commitInterval: 20ms}\n", Map.of())
                .outbound().commitInterval());
    }

    @Test
    void load_outboundCommitIntervalTooLong_namesTheKey() {
        assertEquals("outbound.commitInterval must be at most 100ms, not 1s",
                error("dataDir: DATA\noutbound: {commitInterval: 1s}\n"));
    }

    @Test
    void load_otherSmscAfter_defaultsToTenMinutesAndIsRead() throws Exception {
        assertEquals(Duration.ofMinutes(10), load("dataDir: DATA\n", Map.of()).outbound().otherSmscAfter());
        assertEquals(Duration.ZERO, load("dataDir: DATA\noutbound: {otherSmscAfter: 0s}\n", Map.of())
                .outbound().otherSmscAfter());
        assertEquals(Duration.ofHours(2), load("dataDir: DATA\noutbound: {otherSmscAfter: 2h}\n", Map.of())
                .outbound().otherSmscAfter());
    }

    @Test
    void load_otherSmscAfterTooLong_namesTheKey() {
        assertEquals("outbound.otherSmscAfter must be at most 7d, not 8d",
                error("dataDir: DATA\noutbound: {otherSmscAfter: 8d}\n"));
    }

    @Test
    void load_unknownOutboundKey_namesIt() {
        assertTrue(error("dataDir: DATA\noutbound: {hold: 5s}\n").contains("unknown key outbound.hold "));
    }

    @Test
    void load_unknownKey_namesIt() {
        assertEquals("unknown key intake.dailyQuotas (see the configuration reference in the README)",
                error("dataDir: DATA\nintake: {dailyQuotas: 3}\n"));
    }

    @Test
    void load_unknownTopLevelKey_namesIt() {
        assertTrue(error("dataDir: DATA\nsmsc: []\n").contains("unknown key smsc "));
    }

    @Test
    void load_badDuration_namesKeyAndValue() {
        String m = error("dataDir: DATA\nintake: {dedupeWindow: two days}\n");
        assertTrue(m.startsWith("intake.dedupeWindow must be a duration"), m);
    }

    @Test
    void load_httpToken_isReadFromTheEnvironment() throws Exception {
        assertEquals("", load("dataDir: DATA\n", Map.of()).http().token(), "no authentication by default");
        assertEquals("0123456789abcdef-token", load("dataDir: DATA\nhttp: {token: \"${SMSGW_HTTP_TOKEN}\"}\n",
                Map.of("SMSGW_HTTP_TOKEN", "0123456789abcdef-token")).http().token());
    }

    @Test
    void load_shortHttpToken_namesTheKey() {
        assertEquals("http.token must be at least 16 characters, or empty for none",
                error("dataDir: DATA\nhttp: {token: short}\n"));
    }

    @Test
    void load_httpTokens_readWithTheirScopes() throws Exception {
        GatewayConfig c = load("""
                dataDir: DATA
                http:
                  token: "${OPERATOR_TOKEN}"
                  tokens:
                    - {token: "${POLICE_TOKEN}", scopes: [police]}
                    - {token: "carrier-token-0123456789", scopes: [blocklists, reports]}
                """, Map.of("OPERATOR_TOKEN", "operator-token-0123456789", "POLICE_TOKEN", "police-token-0123456789"));
        assertEquals("operator-token-0123456789", c.http().token());
        assertEquals(List.of(new ScopedToken("police-token-0123456789", Set.of(AdminScope.POLICE)),
                new ScopedToken("carrier-token-0123456789", Set.of(AdminScope.BLOCKLISTS, AdminScope.REPORTS))),
                c.http().tokens());
        assertFalse(c.http().toString().contains("police-token"), c.http().toString());
    }

    @Test
    void load_httpTokenWithAnUnknownScope_namesKeyAndScopes() {
        assertEquals("http.tokens[0].scopes: unknown scope 'admin'; one of blocklists, police, reports, campaigns, "
                + "operator", error("dataDir: DATA\nhttp: {tokens: [{token: police-token-0123456789, "
                + "scopes: [admin]}]}\n"));
    }

    @Test
    void load_httpTokenShortOrWithoutScopes_namesTheKey() {
        assertEquals("http.tokens[0].token must be at least 16 characters",
                error("dataDir: DATA\nhttp: {tokens: [{token: short, scopes: [police]}]}\n"));
        assertEquals("http.tokens[1].scopes must name at least one scope", error("dataDir: DATA\nhttp: {tokens: ["
                + "{token: police-token-0123456789, scopes: [police]}, {token: other-token-0123456789}]}\n"));
        assertEquals("http.tokens[1].token is given twice (each token opens its own scopes)", error("dataDir: DATA\n"
                + "http: {tokens: [{token: police-token-0123456789, scopes: [police]}, "
                + "{token: police-token-0123456789, scopes: [reports]}]}\n"));
    }

    @Test
    void load_httpTls_readsAndChecksBothFiles() throws Exception {
        assertFalse(load("dataDir: DATA\n", Map.of()).http().tls().enabled(), "plain HTTP by default");
        TestCertificates.Pair pair = TestCertificates.generate(dir, "admin", "EC");
        String yaml = "dataDir: DATA\nhttp: {tls: {certificate: \"" + pair.certificate()
                + "\", key: \"${KEY_FILE}\"}}\n";
        GatewayConfig c = load(yaml, Map.of("KEY_FILE", pair.key().toString()));
        assertEquals(pair.certificate().toString(), c.http().tls().certificateChain());
        assertEquals(pair.key().toString(), c.http().tls().privateKey());
    }

    @Test
    void load_httpTlsCertificateWithoutKey_namesBothKeys() throws Exception {
        TestCertificates.Pair pair = TestCertificates.generate(dir, "admin", "RSA");
        assertEquals("http.tls.certificate and http.tls.key are both needed with http.tls: no key; leave the section "
                + "out for plain HTTP",
                error("dataDir: DATA\nhttp: {tls: {certificate: \"" + pair.certificate() + "\"}}\n"));
    }

    @Test
    void load_httpTlsUnreadableFile_namesTheKey() throws Exception {
        TestCertificates.Pair pair = TestCertificates.generate(dir, "admin", "RSA");
        Path missing = dir.resolve("missing.key");
        assertEquals("http.tls.key: cannot read " + missing, error("dataDir: DATA\nhttp: {tls: {certificate: \""
                + pair.certificate() + "\", key: \"" + missing + "\"}}\n"));
    }

    @Test
    void load_httpTlsKeyOfAnotherCertificate_isRefusedAtLoad() throws Exception {
        TestCertificates.Pair a = TestCertificates.generate(dir, "a", "RSA");
        TestCertificates.Pair b = TestCertificates.generate(dir, "b", "RSA");
        String m = error("dataDir: DATA\nhttp: {tls: {certificate: \"" + a.certificate() + "\", key: \"" + b.key()
                + "\"}}\n");
        assertEquals("http.tls.certificate and http.tls.key: the private key " + b.key()
                + " does not belong to the first certificate of " + a.certificate(), m);
    }

    @Test
    void load_httpTlsSectionNamingNoFile_isRefusedNotPlainHttp() {
        assertEquals("http.tls.certificate and http.tls.key are both needed with http.tls: no certificate; leave the "
                + "section out for plain HTTP", error("dataDir: DATA\nhttp: {tls: {certificate: \"\", key: \"\"}}\n"));
        assertEquals("http.tls.certificate and http.tls.key are both needed with http.tls: no certificate; leave the "
                + "section out for plain HTTP", error("dataDir: DATA\nhttp: {tls: {certificate: \"${CERT:-}\"}}\n"));
    }

    @Test
    void load_httpTokenWithCharactersAHeaderCannotCarry_isRefused() {
        assertEquals("http.token may hold only letters, digits and -._~+/ (then any =)",
                error("dataDir: DATA\nhttp: {token: \"an admin token with spaces\"}\n"));
        assertEquals("http.tokens[0].token may hold only letters, digits and -._~+/ (then any =)",
                error("dataDir: DATA\nhttp: {tokens: [{token: \"mật-khẩu-của-công-an-2026\", scopes: [police]}]}\n"));
    }

    @Test
    void load_unknownHttpTlsKey_isRefused() throws Exception {
        TestCertificates.Pair pair = TestCertificates.generate(dir, "admin", "RSA");
        String m = error("dataDir: DATA\nhttp: {tls: {certificate: \"" + pair.certificate() + "\", key: \"" + pair.key()
                + "\", cert: x}}\n");
        assertTrue(m.startsWith("unknown key http.tls.cert "), m);
    }

    @Test
    void load_outOfRange_namesKey() {
        assertTrue(error("dataDir: DATA\nhttp: {port: 70000}\n").startsWith("http.port must be between 0 and 65535"));
        String m = error("dataDir: DATA\nintake: {writers: 17}\n");
        assertTrue(m.startsWith("intake.writers must be between 0 and 16"), m);
    }

    @Test
    void load_fewerQueuePlacesThanWriters_namesBoth() {
        assertEquals("intake: queueCapacity must be at least writers (4): 3",
                error("dataDir: DATA\nintake: {writers: 4, queueCapacity: 3}\n"));
    }

    @Test
    void load_missingEnvironmentVariable_namesKeyAndVariable() {
        String m = error("dataDir: DATA\nrabbitmq: {password: '${NOT_SET_ANYWHERE}'}\n");
        assertEquals("rabbitmq.password needs the environment variable NOT_SET_ANYWHERE, which is not set "
                + "(write ${NOT_SET_ANYWHERE:-} to allow empty)", m);
    }

    @Test
    void load_environmentVariableSetButEmpty_isRefusedNotAnEmptySecret() {
        String m = assertThrows(ConfigException.class, () -> load("dataDir: DATA\nhttp: {token: '${TOKEN}'}\n",
                Map.of("TOKEN", ""))).getMessage();

        assertEquals("http.token needs the environment variable TOKEN, which is empty "
                + "(write ${TOKEN:-} to allow empty)", m);
    }

    @Test
    void load_emptyEnvironmentVariableWithADefault_takesTheDefault() throws Exception {
        GatewayConfig c = load("dataDir: DATA\nhttp: {port: '${PORT:-9001}', token: '${TOKEN:-}'}\n",
                Map.of("PORT", "", "TOKEN", ""));

        assertEquals(9001, c.http().port());
        assertEquals("", c.http().token());
    }

    @Test
    void load_durationBeyondTenYears_namesTheKeyInsteadOfOverflowing() {
        String m = error("dataDir: DATA\nintake: {dedupeWindow: 999999999999d}\n");

        assertEquals("intake.dedupeWindow must be at most 3650d, not 999999999999d", m);
    }

    @Test
    void load_valuesRefusedOnlyLaterBefore_areRefusedAtLoadWithTheirKey() throws Exception {
        String share = error("dataDir: DATA\nsmscs:\n  - {name: a, host: h, port: 1, submit: {replyReservedShare: 1}}\n");
        assertTrue(share.startsWith("smscs[0].submit.replyReservedShare must be between 0.0 and 0.99"), share);

        String host = error("dataDir: DATA\nhttp: {host: ''}\n");
        assertTrue(host.startsWith("http.host must name an address"), host);

        String missing = error("dataDir: DATA\nblocklist: {allowlistFile: " + dir.resolve("none.csv") + "}\n");
        assertEquals("blocklist.allowlistFile: cannot read " + dir.resolve("none.csv"), missing);
        String directory = error("dataDir: DATA\nblocklist: {portabilityFile: " + dir + "}\n");
        assertEquals("blocklist.portabilityFile: cannot read " + dir, directory);
    }

    @Test
    void load_postgresWithoutHashKey_isRejected() {
        String m = error("dataDir: DATA\ndatabase: {url: 'jdbc:postgresql://h/db'}\n");
        assertTrue(m.startsWith("intake.reporterHashKey is required with PostgreSQL"), m);
    }

    @Test
    void load_otherDatabase_isRejected() {
        assertTrue(error("dataDir: DATA\ndatabase: {url: 'jdbc:mysql://h/db'}\n").startsWith("database.url must be"));
    }

    @Test
    void load_smscWithoutName_isRejected() {
        assertEquals("smscs[0].name is required (it identifies the SMSC in logs and metrics)",
                error("dataDir: DATA\nsmscs:\n  - host: x\n"));
    }

    @Test
    void load_duplicateSmscNames_areRejected() {
        assertTrue(error("dataDir: DATA\nsmscs:\n  - name: a\n  - name: a\n").contains("used twice"));
    }

    @Test
    void load_accentedReplyTemplate_isRejected() {
        assertTrue(error("dataDir: DATA\nreplies: {ack: 'Đã nhận {ID}'}\n").startsWith("replies: reply template ack"));
    }

    @Test
    void load_noSubmitAddressing_shortCodesAsTonZeroNpiZero() throws Exception {
        GatewayConfig c = load("dataDir: DATA\nsmscs:\n  - {name: a}\n", Map.of());

        assertEquals(ShortCodeAddressing.UNKNOWN, c.smscs().get(0).submit().submitterConfig().shortCodes());
        assertEquals("", c.smscs().get(0).submit().submitterConfig().serviceType());
    }

    @Test
    void load_badShortCodeAddressing_listsChoices() {
        String m = error("dataDir: DATA\nsmscs:\n  - {name: a, submit: {shortCodeAddressing: short}}\n");
        assertEquals("smscs[0].submit.shortCodeAddressing must be one of [UNKNOWN, NETWORK_SPECIFIC, NATIONAL, "
                + "ABBREVIATED], not 'short'", m);
    }

    @Test
    void load_serviceTypeTooLong_namesTheKey() {
        String m = error("dataDir: DATA\nsmscs:\n  - {name: a, submit: {serviceType: TOOLONG}}\n");
        assertTrue(m.startsWith("smscs[0].submit.serviceType is at most 5 characters"), m);
    }

    private static Route routeOf(GatewayConfig c, String text) {
        return c.dispatch().routing().route(((ParseResult.Parsed) new ReportParser().parse(text)).report());
    }

    @Test
    void load_routingRules_replaceTheStandardTableInOrderWithTheirDefault() throws Exception {
        GatewayConfig c = load("""
                dataDir: DATA
                routing:
                  rules:
                    - {name: fraud, commands: [LD], actions: [police_case]}
                    - {name: brands, commands: [S], sourceTypes: [BRANDNAME], actions: [BLOCKLIST_COUNT]}
                    - {name: marked, commands: [S, V], fraudMarker: true, actions: [POLICE_CASE, BLOCKLIST_COUNT]}
                  defaultActions: [BLOCKLIST_COUNT]
                """, Map.of());

        assertEquals(new Route(Set.of(RouteAction.POLICE_CASE), "fraud", false), routeOf(c, "LD 0987654321 lua"));
        assertEquals("brands", routeOf(c, "S FECREDIT vay tien chuyen khoan").rule());
        assertEquals(new Route(Set.of(RouteAction.POLICE_CASE, RouteAction.BLOCKLIST_COUNT), "marked", true),
                routeOf(c, "V 0987654321 yeu cau chuyen khoan"));
        assertEquals(new Route(Set.of(RouteAction.BLOCKLIST_COUNT), "default", false),
                routeOf(c, "V 0987654321 goi lam phien"));
    }

    @Test
    void load_noRoutingRules_isTheStandardTable() throws Exception {
        GatewayConfig c = load("dataDir: DATA\n", Map.of());

        assertEquals("fraud-call", routeOf(c, "LD 0987654321 lua").rule());
        assertEquals("spam", routeOf(c, "V 0987654321 goi lam phien").rule());
    }

    @Test
    void load_badRoutingRules_nameTheKey() {
        assertEquals("routing.rules[0].commands values must be among [S, V, LD], not 'X'",
                error("dataDir: DATA\nrouting: {rules: [{name: a, commands: [X], actions: []}]}\n"));
        assertEquals("routing.rules[0].name is required",
                error("dataDir: DATA\nrouting: {rules: [{commands: [LD]}]}\n"));
        assertTrue(error("dataDir: DATA\nrouting: {rules: [{name: a, commands: [LD], police: true}]}\n")
                .startsWith("unknown key routing.rules[0].police"));
        assertTrue(error("dataDir: DATA\nrouting: {rules: []}\n").startsWith("routing.rules must not be empty"));
    }

    @Test
    void load_badEnum_listsChoices() {
        String m = error("dataDir: DATA\nsmscs:\n  - {name: a, bindMode: duplex}\n");
        assertEquals("smscs[0].bindMode must be one of [TRX, RX_TX], not 'duplex'", m);
    }
}
