package vn.smsgw.gateway.smpp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * SMPP 3.4 absolute time (§7.1.1) for validity_period: {@code YYMMDDhhmmsstnnp}, here always in UTC ({@code nn} 00,
 * {@code p} '+'), so that it means the same instant whatever the SMSC's own zone. Tenths are cut, not rounded: the
 * SMSC may keep the message at most until the instant given.
 */
final class ValidityPeriod {

    /** The length of an SMPP time string. */
    static final int LENGTH = 16;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private ValidityPeriod() {
    }

    /** The absolute time of {@code epochMillis}, in UTC; an instant from 2000 to 2099 (the format's two-digit year). */
    static String absolute(long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        int year = at.atZone(ZoneOffset.UTC).getYear();
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("validity outside 2000-2099: " + at);
        }
        return SECONDS.format(at) + (at.getNano() / 100_000_000) + "00+";
    }
}
