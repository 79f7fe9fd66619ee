package vn.smsgw.dispatch.blocklist;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import vn.smsgw.parser.number.Carrier;

/** The carrier that serves a mobile number today ({@code msisdn} in E.164), overriding its prefix allocation. */
public record PortabilityOverride(String msisdn, Carrier carrier) {
    public PortabilityOverride {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(carrier, "carrier");
        if (!msisdn.startsWith("+") || msisdn.length() < 9) {
            throw new IllegalArgumentException("portability override needs an E.164 number");
        }
        if (carrier == Carrier.UNKNOWN) {
            throw new IllegalArgumentException("portability override needs a known carrier");
        }
    }

    /** The carrier named {@code name} by enum name or display name, any case ({@code VIETTEL}, {@code MobiFone}). */
    public static Optional<Carrier> carrierNamed(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        for (Carrier c : Carrier.values()) {
            if (c != Carrier.UNKNOWN && (c.name().equals(n) || c.displayName().toUpperCase(Locale.ROOT).equals(n))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
