package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.blocklist.Allowlist;
import vn.smsgw.dispatch.blocklist.Blocklist;
import vn.smsgw.dispatch.blocklist.BlocklistAdmin;
import vn.smsgw.dispatch.blocklist.BlocklistEvent;
import vn.smsgw.dispatch.blocklist.BlocklistExport;
import vn.smsgw.dispatch.blocklist.BlocklistStores;
import vn.smsgw.dispatch.blocklist.PortabilityOverrides;
import vn.smsgw.dispatch.blocklist.Thresholds;
import vn.smsgw.dispatch.blocklist.Vote;
import vn.smsgw.parser.number.NumberPlan;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.report.Command;

class BlocklistAdminEndpointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T02:00:00Z"), ZoneOffset.UTC);
    private static final Source SCAMMER = NumberPlan.reported("0987654321", false).orElseThrow();

    private final BlocklistStores stores = BlocklistStores.inMemory();
    private final Allowlist allowlist = new Allowlist(stores, CLOCK, Allowlist.DEFAULT_REFRESH);
    private final PortabilityOverrides portability = new PortabilityOverrides(stores, CLOCK, Allowlist.DEFAULT_REFRESH);
    private final Blocklist blocklist = new Blocklist(stores, allowlist, Thresholds.defaults(), CLOCK);
    private final BlocklistExport export = new BlocklistExport(stores);
    private final EmbeddedAdmin admin = new EmbeddedAdmin(
            new BlocklistAdminEndpoint(new BlocklistAdmin(stores, allowlist, portability, CLOCK)));

    /** Three fraud reports from distinct reporters: listed on its carrier's list (LD threshold 3). */
    private String listScammer() {
        String list = portability.listOf(SCAMMER);
        List<Vote> votes = new ArrayList<>();
        for (String reporter : List.of("r1", "r2", "r3")) {
            votes.add(new Vote(list, SCAMMER, Command.LD, reporter, CLOCK.instant()));
        }
        for (Vote v : votes) {
            stores.transactions().inTransaction(tx -> blocklist.vote(tx, List.of(v)));
        }
        assertEquals(List.of(BlocklistEvent.Kind.LISTED), kinds(list));
        return list;
    }

    private List<BlocklistEvent.Kind> kinds(String list) {
        return export.changes(list, 0, 100).stream().map(BlocklistEvent::kind).toList();
    }

    @Test
    void delist_listedEntryTypedAsTheSubscriberDials_isDelistedWithAFeedEventAndAnAuditRecord() {
        String list = listScammer();

        EmbeddedAdmin.Response r = admin.post("/api/blocklist/" + list.toLowerCase() + "/entries/0987654321/delist"
                + "?reason=court%20order&actor=op1");

        assertEquals(200, r.status(), r.body());
        assertEquals(SCAMMER.value(), r.json().get("source").asText());
        assertEquals("DELISTED", r.json().get("state").asText());
        assertEquals(List.of(BlocklistEvent.Kind.LISTED, BlocklistEvent.Kind.DELISTED), kinds(list));
        JsonNode audit = admin.get("/api/audit/" + SCAMMER.value().replace("+", "%2B")).json();
        assertEquals("DELIST", audit.at("/records/0/action").asText());
        assertEquals("op1", audit.at("/records/0/actor").asText());
        assertEquals("court order", audit.at("/records/0/reason").asText());
    }

    @Test
    void delistThenRelist_backOnTheList_andASecondDelistIsAConflict() {
        String list = listScammer();
        String entry = "/api/blocklist/" + list + "/entries/0987654321";

        assertEquals(200, admin.post(entry + "/delist?reason=appeal&actor=op1").status());
        assertEquals(409, admin.post(entry + "/delist?reason=again&actor=op1").status());
        EmbeddedAdmin.Response relisted = admin.post(entry + "/relist?reason=appeal%20rejected&actor=op2");

        assertEquals(200, relisted.status(), relisted.body());
        assertEquals("LISTED", relisted.json().get("state").asText());
        assertEquals(List.of(BlocklistEvent.Kind.LISTED, BlocklistEvent.Kind.DELISTED, BlocklistEvent.Kind.LISTED),
                kinds(list));
    }

    @Test
    void delist_unknownEntryOrList_is404() {
        listScammer();

        assertEquals(404, admin.post("/api/blocklist/VIETTEL/entries/0911111111/delist?reason=x&actor=op1").status());
        assertEquals(404, admin.post("/api/blocklist/NOPE/entries/0987654321/delist?reason=x&actor=op1").status());
    }

    @Test
    void delist_withoutReasonOrActor_is400AndChangesNothing() {
        String list = listScammer();

        EmbeddedAdmin.Response noReason = admin.post("/api/blocklist/" + list + "/entries/0987654321/delist?actor=op1");
        EmbeddedAdmin.Response noActor = admin.post("/api/blocklist/" + list + "/entries/0987654321/delist?reason=x");

        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.json().get("parameter").asText());
        assertEquals(400, noActor.status());
        assertEquals("actor", noActor.json().get("parameter").asText());
        assertEquals(List.of(BlocklistEvent.Kind.LISTED), kinds(list));
    }

    @Test
    void allow_listedSource_delistsItAndARelistIsRefused() {
        String list = listScammer();

        EmbeddedAdmin.Response r = admin.post("/api/allowlist/0987654321?note=bank%20hotline&actor=op1");

        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().get("delisted").asInt());
        assertTrue(allowlist.contains(SCAMMER.value()));
        assertEquals(409, admin.post("/api/blocklist/" + list + "/entries/0987654321/relist?reason=x&actor=op1")
                .status());
    }

    @Test
    void allow_sourceNoSenderCouldHave_is400NamingSource() {
        for (String bad : List.of("Some%20Very%20Long%20Brand%20Name", "a%2Fb")) {
            EmbeddedAdmin.Response r = admin.post("/api/allowlist/" + bad + "?note=n&actor=op1");

            assertEquals(400, r.status(), bad + ": " + r.body());
            assertEquals("source", r.json().get("parameter").asText(), r.body());
        }
        assertEquals(200, admin.post("/api/allowlist/VCB?note=bank&actor=op1").status());
    }

    @Test
    void disallow_operatorEntry_removedOnceThen404_builtInEntryIs400() {
        admin.post("/api/allowlist/19001234?note=bank&actor=op1");

        assertEquals(200, admin.single("DELETE", "/api/allowlist/19001234?actor=op1").status());
        assertEquals(404, admin.single("DELETE", "/api/allowlist/19001234?actor=op1").status());
        EmbeddedAdmin.Response builtIn = admin.single("DELETE", "/api/allowlist/113?actor=op1");
        assertEquals(400, builtIn.status());
        assertEquals("source", builtIn.json().get("parameter").asText());
        assertEquals(List.of("ALLOW", "DISALLOW"), actions(admin.get("/api/audit/19001234").json()));
    }

    @Test
    void allow_getMethod_is405() {
        assertEquals(405, admin.get("/api/allowlist/19001234").status());
    }

    private static List<String> actions(JsonNode audit) {
        List<String> out = new ArrayList<>();
        audit.get("records").forEach(n -> out.add(n.get("action").asText()));
        return out;
    }
}
