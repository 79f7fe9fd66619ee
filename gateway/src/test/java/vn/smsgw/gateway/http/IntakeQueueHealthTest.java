package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IntakeQueueHealthTest {

    @Test
    void upWhileBelowCapacityWithNoWriterQueueFull() {
        Health h = HealthChecks.intakeQueue(() -> 3, () -> 0, 20_000).check();
        assertEquals(Health.Status.UP, h.status());
        assertEquals(Map.of("depth", 3, "capacity", 20_000, "fullWriterQueues", 0), h.details());
    }

    @Test
    void downWhenOneWritersShareIsFull_thoughTheTotalIsBelowCapacity() {
        // two writers of 10,000 each: the hot number's writer full, the other empty
        Health h = HealthChecks.intakeQueue(() -> 10_000, () -> 1, 20_000).check();
        assertEquals(Health.Status.DOWN, h.status());
        assertEquals(1, h.details().get("fullWriterQueues"));
    }

    @Test
    void downWhenTheWholeQueueIsFull() {
        assertEquals(Health.Status.DOWN, HealthChecks.intakeQueue(() -> 20_000, () -> 0, 20_000).check().status());
    }
}
