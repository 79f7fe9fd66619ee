package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValidityPeriodTest {

    private static String absolute(String instant) {
        return ValidityPeriod.absolute(Instant.parse(instant).toEpochMilli());
    }

    @Test
    void absolute_utcInstant_isYymmddhhmmssTenthsAndZeroQuartersPlus() {
        assertEquals("261207103000000+", absolute("2026-12-07T10:30:00Z"));
        assertEquals("000101000000000+", absolute("2000-01-01T00:00:00Z"));
        assertEquals("991231235959900+", absolute("2099-12-31T23:59:59.999Z"), "tenths cut, never rounded up");
    }

    @Test
    void absolute_everyResult_hasTheSmppTimeLength() {
        assertEquals(ValidityPeriod.LENGTH, absolute("2031-06-15T08:09:10.123Z").length());
    }

    @Test
    void absolute_outsideTheTwoDigitYears_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> absolute("1999-12-31T23:59:59Z"));
        assertThrows(IllegalArgumentException.class, () -> absolute("2100-01-01T00:00:00Z"));
    }
}
