package vn.smsgw.dispatch.routing;

import java.util.Objects;
import java.util.Set;

/**
 * The routing decision for one report: the actions, the name of the rule that matched, and whether a fraud marker in
 * the content escalated it.
 */
public record Route(Set<RouteAction> actions, String rule, boolean escalated) {
    public Route {
        actions = Set.copyOf(actions);
        Objects.requireNonNull(rule, "rule");
    }

    public boolean policeCase() {
        return actions.contains(RouteAction.POLICE_CASE);
    }

    public boolean blocklistCount() {
        return actions.contains(RouteAction.BLOCKLIST_COUNT);
    }
}
