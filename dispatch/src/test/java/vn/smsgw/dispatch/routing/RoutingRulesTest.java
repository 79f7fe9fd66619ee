package vn.smsgw.dispatch.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.number.Carrier;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;
import vn.smsgw.parser.report.Report;

class RoutingRulesTest {
    private final RoutingRules rules = RoutingRules.standard(FraudMarkers.defaults());
    private final Source mobile = new Source("+84912345678", SourceType.MOBILE, Carrier.VINAPHONE);

    @Test
    void route_ld_isPoliceCaseAndCount() {
        Route r = rules.route(new Report(Command.LD, mobile, "goi gia danh"));
        assertTrue(r.policeCase());
        assertTrue(r.blocklistCount());
        assertEquals("fraud-call", r.rule());
        assertFalse(r.escalated());
    }

    @Test
    void route_plainSpamCall_isCountOnly() {
        Route r = rules.route(new Report(Command.V, mobile, "moi mua bat dong san"));
        assertFalse(r.policeCase());
        assertTrue(r.blocklistCount());
    }

    @Test
    void route_spamSmsWithOtpAccented_isEscalated() {
        Route r = rules.route(new Report(Command.S, Source.brandname("VCB"), "Quý khách cung cấp mã OTP để nhận quà"));
        assertTrue(r.policeCase());
        assertTrue(r.escalated());
    }

    @Test
    void route_contentWithUrl_isEscalated() {
        assertTrue(rules.route(new Report(Command.S, mobile, "cai app tai solienlac-edu.top/app")).escalated());
        assertTrue(rules.route(new Report(Command.V, mobile, "vao https://x.example de nhan")).escalated());
    }

    @Test
    void route_emptyContent_isNotEscalated() {
        assertFalse(rules.route(new Report(Command.S, mobile, "")).policeCase());
    }

    @Test
    void route_noRuleMatches_usesDefault() {
        RoutingRules only = new RoutingRules(
                List.of(new RoutingRule("ld", Set.of(Command.LD), Set.of(), false, Set.of(RouteAction.POLICE_CASE))),
                Set.of(RouteAction.BLOCKLIST_COUNT), FraudMarkers.defaults());
        Route r = only.route(new Report(Command.S, mobile, "x"));
        assertEquals("default", r.rule());
        assertTrue(r.blocklistCount());
    }

    @Test
    void route_ruleRestrictedToBrandnames_matchesOnlyThem() {
        RoutingRules byType = new RoutingRules(List.of(new RoutingRule("brand", Set.of(Command.S),
                Set.of(SourceType.BRANDNAME), false, Set.of(RouteAction.POLICE_CASE))), Set.of(),
                FraudMarkers.defaults());
        assertTrue(byType.route(new Report(Command.S, Source.brandname("FECREDIT"), "")).policeCase());
        assertFalse(byType.route(new Report(Command.S, mobile, "")).policeCase());
    }
}
