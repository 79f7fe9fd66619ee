package vn.smsgw.gateway.simulator;

import java.util.Objects;

/**
 * A bind the simulator accepted, with the parameters the ESME sent in it.
 *
 * @param bindType     the bind command, e.g. {@code BIND_TRX}
 * @param systemId     system_id
 * @param systemType   system_type, empty when none was sent
 * @param addressRange address_range, empty when none was sent
 */
public record BindSeen(String bindType, String systemId, String systemType, String addressRange) {
    public BindSeen {
        Objects.requireNonNull(bindType, "bindType");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(addressRange, "addressRange");
    }
}
