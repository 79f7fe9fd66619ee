package vn.smsgw.gateway.process;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.smsgw.gateway.http.Health;
import vn.smsgw.gateway.http.HealthCheck;
import vn.smsgw.gateway.smpp.BindStatus;
import vn.smsgw.gateway.smpp.SmppSessions;

/** {@code /health} for one SMSC connection: UP while at least one bind is bound; each bind's state as detail. */
final class BindHealth implements HealthCheck {
    private final SmppSessions sessions;

    BindHealth(SmppSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "smsc." + sessions.smsc();
    }

    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (BindStatus b : sessions.states()) {
            details.put(b.bind(), b.state().name() + (b.lastError().isEmpty() ? "" : " (" + b.lastError() + ")"));
        }
        return sessions.boundCount() > 0 ? Health.up(details) : Health.down(details);
    }
}
