package vn.smsgw.dispatch.routing;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Report;

/**
 * Ordered routing rules, first match wins, with a default route when none matches. Pure and thread-safe.
 *
 * <p>The default table: {@code LD} → police case and blocklist count; {@code S}/{@code V} whose content carries a
 * fraud marker → police case and count (escalation); {@code S}/{@code V} → count. The blocklist a count lands on
 * follows from the source type (carrier list for numbers, SENDER list for brandnames and short codes) and is decided
 * by the blocklist, not here.
 */
public final class RoutingRules {
    private final List<RoutingRule> rules;
    private final Route fallback;
    private final FraudMarkers markers;

    public RoutingRules(List<RoutingRule> rules, Set<RouteAction> defaultActions, FraudMarkers markers) {
        this.rules = List.copyOf(rules);
        this.fallback = new Route(defaultActions, "default", false);
        this.markers = Objects.requireNonNull(markers, "markers");
    }

    /** The standard table described above, with the given fraud markers. */
    public static RoutingRules standard(FraudMarkers markers) {
        return new RoutingRules(standardRules(), Set.of(), markers);
    }

    /** The rules of the standard table, in order. */
    public static List<RoutingRule> standardRules() {
        Set<SourceType> any = Set.of();
        Set<RouteAction> both = EnumSet.of(RouteAction.POLICE_CASE, RouteAction.BLOCKLIST_COUNT);
        return List.of(
                new RoutingRule("fraud-call", Set.of(vn.smsgw.parser.report.Command.LD), any, false, both),
                new RoutingRule("escalated", Set.of(vn.smsgw.parser.report.Command.S,
                        vn.smsgw.parser.report.Command.V), any, true, both),
                new RoutingRule("spam", Set.of(vn.smsgw.parser.report.Command.S, vn.smsgw.parser.report.Command.V),
                        any, false, EnumSet.of(RouteAction.BLOCKLIST_COUNT)));
    }

    /** The route of a parsed report. */
    public Route route(Report report) {
        boolean marker = false;
        boolean markerChecked = false;
        for (RoutingRule rule : rules) {
            if (rule.fraudMarker() && !markerChecked) {
                marker = markers.matches(report.content());
                markerChecked = true;
            }
            if (rule.matches(report.command(), report.source().type(), marker)) {
                return new Route(rule.actions(), rule.name(), rule.fraudMarker());
            }
        }
        return fallback;
    }
}
