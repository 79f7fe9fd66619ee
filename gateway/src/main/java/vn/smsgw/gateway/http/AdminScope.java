package vn.smsgw.gateway.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a part of the admin API gives access to, and so what a token may be limited to: the carriers' blocklist exports
 * and change feeds ({@code blocklists}: numbers and keyed hashes, no reporter), the police queue ({@code police}:
 * reporters' full numbers), the stored reports ({@code reports}: reporters masked), campaigns ({@code campaigns}),
 * and the operator's actions on blocklists and the allowlist with their audit trail ({@code operator}, which also
 * holds every other scope). {@link #OPEN} marks {@code /health} and {@code /metrics}, served without a token.
 */
public enum AdminScope {
    OPEN, BLOCKLISTS, POLICE, REPORTS, CAMPAIGNS, OPERATOR;

    /** The scope named {@code name} (lower case, as in the configuration); OPEN is not one a token can be given. */
    public static AdminScope parse(String name) {
        for (AdminScope s : values()) {
            if (s != OPEN && s.configName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + name + "'; one of " + Arrays.stream(values())
                .filter(s -> s != OPEN).map(AdminScope::configName).collect(Collectors.joining(", ")));
    }

    /** The name in the configuration: {@code blocklists}, {@code police}, ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
