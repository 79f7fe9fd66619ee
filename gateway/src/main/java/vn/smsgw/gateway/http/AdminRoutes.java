package vn.smsgw.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.smsgw.dispatch.Dispatch;
import vn.smsgw.dispatch.campaign.Campaigns;

/**
 * The route table of the admin server: every route of its endpoint groups, matched in order. Immutable and
 * thread-safe.
 */
public final class AdminRoutes {

    /*
     * An endpoint group is one class listing its routes; adding a group (campaigns, say) is that class plus one line
     * in standard(). Matching is by path first, then method, so a known path with another method answers 405 with an
     * Allow header instead of 404.
     */

    private final List<Route> routes;

    private AdminRoutes(List<Route> routes) {
        this.routes = routes;
    }

    /**
     * The admin API over {@code dispatch}: {@code /health} over {@code checks}, {@code /metrics} from
     * {@code registry}, and {@code /api/reports}, {@code /api/blocklist} (exports and operator actions),
     * {@code /api/allowlist},
     * {@code /api/audit}, {@code /api/police}, {@code /api/campaigns}.
     */
    public static AdminRoutes standard(Dispatch dispatch, PrometheusMeterRegistry registry, List<HealthCheck> checks) {
        return of(List.of(
                new HealthEndpoint(checks),
                new MetricsEndpoint(registry),
                new ReportsEndpoint(dispatch.reports(), dispatch::lateParts),
                new BlocklistEndpoint(dispatch.export()),
                new BlocklistAdminEndpoint(dispatch.admin()),
                new PoliceEndpoint(dispatch.police(), dispatch.relaysToRabbit()),
                new CampaignsEndpoint(new Campaigns(dispatch.database(), Clock.systemUTC()))));
    }

    static AdminRoutes of(List<? extends Endpoint> endpoints) {
        List<Route> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Endpoint endpoint : endpoints) {
            for (Route route : endpoint.routes()) {
                if (!seen.add(route.method() + " " + route.pattern())) {
                    throw new IllegalArgumentException("route declared twice: " + route.method() + " "
                            + route.pattern());
                }
                all.add(route);
            }
        }
        return new AdminRoutes(List.copyOf(all));
    }

    /** The route for {@code method} on {@code rawPath} (not yet percent-decoded). */
    Match match(HttpMethod method, String rawPath) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.pattern().match(rawPath);
            if (params.isEmpty()) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match.Found(route, params.get());
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new Match.NotFound() : new Match.MethodNotAllowed(Set.copyOf(allowed));
    }

    /** The outcome of matching a request against the table. */
    sealed interface Match permits Match.Found, Match.NotFound, Match.MethodNotAllowed {

        record Found(Route route, Map<String, String> pathParams) implements Match {
        }

        record NotFound() implements Match {
        }

        /** The path is served, by the {@code allowed} methods only. */
        record MethodNotAllowed(Set<HttpMethod> allowed) implements Match {
        }
    }
}
