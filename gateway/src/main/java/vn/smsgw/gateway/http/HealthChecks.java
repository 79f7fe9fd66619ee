package vn.smsgw.gateway.http;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import vn.smsgw.dispatch.intake.Intake;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;

/** The health checks dispatch provides: the store, intake's commits and the intake queue. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /**
     * {@code store}: UP when a trivial read ({@code SELECT 1}) succeeds on a pooled connection, DOWN with the
     * store's error otherwise. May wait for a connection up to the pool's timeout.
     */
    public static HealthCheck store(Database database) {
        Objects.requireNonNull(database, "database");
        return new Named("store", () -> {
            try {
                database.read(tx -> {
                    try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement("SELECT 1");
                         ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                    return null;
                });
            } catch (StorageException e) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("dialect", database.dialect().name());
                details.put("error", String.valueOf(e.getMessage()));
                return Health.down(details);
            }
            return Health.up(Map.of("dialect", database.dialect().name()));
        });
    }

    /**
     * {@code intakeQueue}: UP while fewer than {@code capacity} messages wait for a commit and no writer's queue is
     * full; DOWN when a writer's queue holds its share of the capacity (intake then answers the messages for that
     * writer as not stored; with one writer, every message). {@code capacity} is intake's configured queue capacity.
     */
    public static HealthCheck intakeQueue(Intake intake, int capacity) {
        Objects.requireNonNull(intake, "intake");
        return intakeQueue(intake::queueDepth, intake::fullQueues, capacity);
    }

    /** {@link #intakeQueue(Intake, int)} of a queue's depth and count of full writer queues, as read now. */
    static HealthCheck intakeQueue(IntSupplier depthNow, IntSupplier fullQueuesNow, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        return new Named("intakeQueue", () -> {
            int depth = depthNow.getAsInt();
            int full = fullQueuesNow.getAsInt();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("depth", depth);
            details.put("capacity", capacity);
            details.put("fullWriterQueues", full);
            return depth < capacity && full == 0 ? Health.up(details) : Health.down(details);
        });
    }

    /**
     * {@code intake}: DOWN while every commit since a failure has failed (intake answers every message as not stored:
     * a full disk, a read-only database), with when that began and the last error; UP once a commit succeeds.
     */
    public static HealthCheck intake(Intake intake) {
        Objects.requireNonNull(intake, "intake");
        return new Named("intake", () -> intake.failing().map(f -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("failingSince", Instant.ofEpochMilli(f.sinceMillis()).toString());
            details.put("error", f.error());
            return Health.down(details);
        }).orElseGet(() -> Health.up(Map.of())));
    }

    private record Named(String name, Supplier<Health> probe) implements HealthCheck {
        @Override
        public Health check() {
            return probe.get();
        }
    }
}
