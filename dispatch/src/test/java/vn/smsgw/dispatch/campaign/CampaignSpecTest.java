package vn.smsgw.dispatch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CampaignSpecTest {

    private static CampaignSpec startingAt(Instant at) {
        return CampaignSpec.of("k", "Canh bao lua dao", EncodingMode.AUTO, "156", 10).withStartAt(at);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31T23:59:59Z", "2099-12-01T00:00:01Z", "+300000000-01-01T00:00:00Z"})
    void startAt_outsideTheYearsSmppTimesCarry_isRefusedNamingStartAt(String at) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> startingAt(Instant.parse(at)));

        assertTrue(e.getMessage().startsWith("startAt must be between"), e.getMessage());
    }

    @Test
    void startAt_epochMeaningWhenStartedAndTheRangesEnds_areTaken() {
        for (String at : new String[] {"1970-01-01T00:00:00Z", "2000-01-01T00:00:00Z", "2099-12-01T00:00:00Z"}) {
            assertEquals(Instant.parse(at), startingAt(Instant.parse(at)).startAt());
        }
    }

    @Test
    void text_unaccentedModeWithAnEmoji_isRefusedNamingText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CampaignSpec.of("k", "Canh bao 😀", EncodingMode.UNACCENTED, "156", 10));

        assertTrue(e.getMessage().startsWith("text: "), e.getMessage());
    }

    @Test
    void parseStart_instantLocalHoChiMinhTimeOrBlank_andAnythingElseIsRefusedNamingStart() {
        assertEquals(Instant.parse("2025-03-02T00:00:00Z"), CampaignSpec.parseStart("2025-03-02T00:00:00Z"));
        assertEquals(Instant.parse("2025-03-02T00:00:00Z"), CampaignSpec.parseStart("2025-03-02T07:00"),
                "07:00 in Ho Chi Minh City is midnight UTC");
        assertEquals(Instant.EPOCH, CampaignSpec.parseStart(" "));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CampaignSpec.parseStart("tomorrow"));
        assertTrue(e.getMessage().startsWith("start must look like"), e.getMessage());
    }
}
