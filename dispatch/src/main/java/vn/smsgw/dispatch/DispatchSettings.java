package vn.smsgw.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.smsgw.dispatch.blocklist.Thresholds;
import vn.smsgw.dispatch.intake.IntakeConfig;
import vn.smsgw.dispatch.police.RabbitPoliceConfig;
import vn.smsgw.dispatch.police.PoliceRelaySettings;

/**
 * Everything dispatch needs besides its database: intake settings, blocklist thresholds, fraud-marker phrases, how
 * long a pulled police case stays invisible before it is handed out again, how often reference data (allowlist,
 * portability) is re-read, and RabbitMQ ({@code rabbit} empty: the embedded police queue and no blocklist events).
 */
public record DispatchSettings(IntakeConfig intake, Thresholds thresholds, List<String> fraudMarkers,
                               Duration policeVisibility, Duration referenceRefresh, PoliceRelaySettings relay,
                               RabbitPoliceConfig rabbitOrNull) {

    public DispatchSettings {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(thresholds, "thresholds");
        fraudMarkers = List.copyOf(fraudMarkers);
        Objects.requireNonNull(policeVisibility, "policeVisibility");
        Objects.requireNonNull(referenceRefresh, "referenceRefresh");
        Objects.requireNonNull(relay, "relay");
    }

    /** Defaults with the embedded police queue. */
    public static DispatchSettings defaults(String reporterHashKey) {
        return new DispatchSettings(IntakeConfig.defaults(reporterHashKey), Thresholds.defaults(),
                vn.smsgw.dispatch.routing.FraudMarkers.DEFAULT_PHRASES, Duration.ofSeconds(60), Duration.ofSeconds(10),
                PoliceRelaySettings.defaults(), null);
    }

    public DispatchSettings withRabbit(RabbitPoliceConfig rabbit) {
        return new DispatchSettings(intake, thresholds, fraudMarkers, policeVisibility, referenceRefresh, relay, rabbit);
    }

    public DispatchSettings withIntake(IntakeConfig config) {
        return new DispatchSettings(config, thresholds, fraudMarkers, policeVisibility, referenceRefresh, relay,
                rabbitOrNull);
    }

    /** The broker, when configured. */
    public Optional<RabbitPoliceConfig> rabbit() {
        return Optional.ofNullable(rabbitOrNull);
    }
}
