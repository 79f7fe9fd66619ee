package vn.smsgw.gateway.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import vn.smsgw.gateway.http.Health;
import vn.smsgw.gateway.http.HealthCheck;
import vn.smsgw.gateway.smpp.BindState;
import vn.smsgw.gateway.smpp.BindStatus;

/**
 * {@code /health} for one SMSC connection: UP while MO can arrive and MT can leave, that is while a bound session
 * receives (a transceiver or a receiver) and a bound session transmits (a transceiver or a transmitter); a lone
 * transmitter, or a lone receiver, of a receiver+transmitter pair is DOWN. Details: {@code bound} as {@code n/m}, then
 * each bind's state.
 */
final class BindHealth implements HealthCheck {
    private final String smsc;
    private final Supplier<List<BindStatus>> states;

    BindHealth(String smsc, Supplier<List<BindStatus>> states) {
        this.smsc = Objects.requireNonNull(smsc, "smsc");
        this.states = Objects.requireNonNull(states, "states");
    }

    @Override
    public String name() {
        return "smsc." + smsc;
    }

    @Override
    public Health check() {
        List<BindStatus> all = states.get();
        Map<String, Object> details = new LinkedHashMap<>();
        long bound = all.stream().filter(b -> b.state() == BindState.BOUND).count();
        details.put("bound", bound + "/" + all.size());
        boolean receives = false;
        boolean transmits = false;
        for (BindStatus b : all) {
            details.put(b.bind(), b.state().name() + (b.lastError().isEmpty() ? "" : " (" + b.lastError() + ")"));
            if (b.state() == BindState.BOUND) {
                // the binds of a receiver+transmitter pair are named rx-n and tx-n, a transceiver trx-n
                receives |= !b.bind().startsWith("tx-");
                transmits |= !b.bind().startsWith("rx-");
            }
        }
        return receives && transmits ? Health.up(details) : Health.down(details);
    }
}
