package vn.smsgw.gateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.text.SmsLength;

class MoGeneratorTest {

    private static List<MoMessage> take(MoGenerator generator, int count) {
        List<MoMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(generator.next().orElseThrow());
        }
        return messages;
    }

    @Test
    void next_sameSeed_sameSequence() {
        assertEquals(take(MoGenerator.withDefaultMix(3), 200), take(MoGenerator.withDefaultMix(3), 200));
    }

    @Test
    void next_tenThousandMessages_reportersAreDistinct() {
        List<MoMessage> messages = take(MoGenerator.withDefaultMix(5), 10_000);

        assertEquals(10_000, new HashSet<>(messages.stream().map(MoMessage::reporter).toList()).size());
        assertTrue(messages.stream().allMatch(m -> m.reporter().matches("849\\d{8}")));
    }

    @Test
    void next_tenPercentConcatenatedShare_aboutTenPercentNeedSeveralParts() {
        List<MoMessage> messages = take(new MoGenerator(9, 0.3, 0.1, 0), 10_000);

        long multiPart = messages.stream().filter(m -> SmsLength.of(m.text()).segments() > 1).count();

        assertTrue(multiPart > 800 && multiPart < 1200, "multi-part: " + multiPart);
    }

    @Test
    void constructor_shareAboveOne_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MoGenerator(1, 1.5, 0, 0));
    }
}
