package vn.smsgw.gateway.smpp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import vn.smsgw.dispatch.Dispatch;
import vn.smsgw.dispatch.DispatchSettings;
import vn.smsgw.dispatch.intake.Intake;
import vn.smsgw.dispatch.intake.IntakeConfig;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;

/**
 * The gateway's MO path as the tests run it: dispatch on SQLite in a directory, and the SMPP sessions to a
 * simulator on {@code port}; receipts are collected in {@link #receipts}.
 */
final class MoGateway implements AutoCloseable {

    static final String SYSTEM_ID = "smsgw";
    static final String PASSWORD = "secret";
    static final String REPORTER_KEY = "sessions-test-reporter-key";

    final Database database;
    final Dispatch dispatch;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
    final SmppSessions sessions;

    private MoGateway(Path dir, SmscConfig smsc, UnaryOperator<IntakeConfig> intake) {
        database = Database.open(DatabaseConfig.sqlite(dir));
        dispatch = Dispatch.open(database,
                DispatchSettings.defaults(REPORTER_KEY).withIntake(intake.apply(IntakeConfig.defaults(REPORTER_KEY))),
                Clock.systemUTC());
        sessions = new SmppSessions(smsc, sinks(dispatch.intake(), receipts), meters, Clock.systemUTC());
    }

    /** Sinks that record each receipt in {@code receipts} before answering it. */
    static MoSinks sinks(Intake intake, List<DeliveryReceipt> receipts) {
        return new MoSinks(intake, (smsc, r) -> {
            receipts.add(r);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Settings for a simulator on {@code port}, with short reconnect delays. */
    static SmscConfig.Builder smsc(int port) {
        return SmscConfig.builder("sim").address("127.0.0.1", port).credentials(SYSTEM_ID, PASSWORD)
                .reconnect(Duration.ofMillis(50), Duration.ofMillis(500)).authFailureBackoff(Duration.ofMillis(300))
                .bindTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(1));
    }

    static MoGateway start(Path dir, SmscConfig smsc) {
        return start(dir, smsc, UnaryOperator.identity());
    }

    static MoGateway start(Path dir, SmscConfig smsc, UnaryOperator<IntakeConfig> intake) {
        MoGateway gateway = new MoGateway(dir, smsc, intake);
        gateway.sessions.start();
        return gateway;
    }

    void awaitBound(int sessionsBound) {
        Poll.until(Duration.ofSeconds(10), () -> sessions.boundCount() == sessionsBound,
                sessionsBound + " sessions bound: " + sessions.states());
    }

    double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        sessions.close();
        dispatch.close();
        database.close();
    }
}
