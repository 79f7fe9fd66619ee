package vn.smsgw.dispatch;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import vn.smsgw.dispatch.blocklist.Thresholds;
import vn.smsgw.dispatch.intake.IntakeConfig;
import vn.smsgw.dispatch.police.RabbitPoliceConfig;
import vn.smsgw.dispatch.police.PoliceRelaySettings;
import vn.smsgw.dispatch.routing.FraudMarkers;
import vn.smsgw.dispatch.routing.RoutingRules;

/**
 * Everything dispatch needs besides its database: intake settings, blocklist thresholds, the routing rules, how
 * long a pulled police case stays invisible before it is handed out again, how often reference data (allowlist,
 * portability) is re-read, and RabbitMQ ({@code rabbit} empty: the embedded police queue and no blocklist events).
 */
public record DispatchSettings(IntakeConfig intake, Thresholds thresholds, RoutingRules routing,
                               Duration policeVisibility, Duration referenceRefresh, PoliceRelaySettings relay,
                               RabbitPoliceConfig rabbitOrNull) {

    public DispatchSettings {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(policeVisibility, "policeVisibility");
        Objects.requireNonNull(referenceRefresh, "referenceRefresh");
        Objects.requireNonNull(relay, "relay");
    }

    /** Defaults with the embedded police queue. */
    public static DispatchSettings defaults(String reporterHashKey) {
        return new DispatchSettings(IntakeConfig.defaults(reporterHashKey), Thresholds.defaults(),
                RoutingRules.standard(new FraudMarkers(FraudMarkers.DEFAULT_PHRASES)), Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                PoliceRelaySettings.defaults(), null);
    }

    public DispatchSettings withRabbit(RabbitPoliceConfig rabbit) {
        return new DispatchSettings(intake, thresholds, routing, policeVisibility, referenceRefresh, relay, rabbit);
    }

    public DispatchSettings withRouting(RoutingRules rules) {
        return new DispatchSettings(intake, thresholds, rules, policeVisibility, referenceRefresh, relay, rabbitOrNull);
    }

    public DispatchSettings withIntake(IntakeConfig config) {
        return new DispatchSettings(config, thresholds, routing, policeVisibility, referenceRefresh, relay,
                rabbitOrNull);
    }

    /** The broker, when configured. */
    public Optional<RabbitPoliceConfig> rabbit() {
        return Optional.ofNullable(rabbitOrNull);
    }
}
