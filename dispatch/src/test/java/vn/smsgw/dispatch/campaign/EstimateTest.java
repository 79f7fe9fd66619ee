package vn.smsgw.dispatch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.text.SmsEncoding;

class EstimateTest {

    @Test
    void of_seedWarningAuto_showsTheUnaccentedAlternativeAtHalfTheSms() {
        CampaignSpec spec = CampaignSpec.of("an-giang", SeedText.WARNING, EncodingMode.AUTO, "BoCongAn", 500);
        Estimate e = Estimate.of(spec, 1_000_000, Instant.parse("2025-03-02T01:00:00Z"));
        assertEquals(SmsEncoding.UCS2, e.encoding());
        assertEquals(371, e.characters());
        assertEquals(6, e.segments());
        assertEquals(6_000_000, e.totalSms());
        assertEquals(Duration.ofSeconds(12_000), e.sending());
        Estimate.Option unaccented = e.cheapest();
        assertEquals(EncodingMode.UNACCENTED, unaccented.mode());
        assertEquals(3, unaccented.segments());
        assertEquals(3_000_000, unaccented.totalSms());
    }

    @Test
    void of_longerThanTheWindow_finishesOnALaterDay() {
        CampaignSpec spec = CampaignSpec.of("slow", "Canh bao lua dao", EncodingMode.AUTO, "156", 10);
        Estimate e = Estimate.of(spec, 1_000_000, Instant.parse("2025-03-02T00:00:00Z"));
        // 100,000 s of sending, 14 h (50,400 s) a day from 07:00: all of the first day, most of the second
        assertEquals(Instant.parse("2025-03-03T13:46:40Z"), e.finishes());
    }
}
