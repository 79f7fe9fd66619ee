package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.text.TextCoding;

class InboundPartTest {

    private static InboundPart part(ConcatKey key, int seq) {
        return new InboundPart("84912345678", "156", "smsc-a", Instant.EPOCH, key, seq,
                new PartContent.Text(TextCoding.GSM7, new byte[] {0x41}));
    }

    @Test
    void groupKey_sameReferenceUnderEachScheme_differs() {
        Set<String> keys = Stream.of(ConcatScheme.values())
                .map(scheme -> part(new ConcatKey(scheme, 5, 2), 1).groupKey()).collect(Collectors.toSet());
        assertEquals(3, keys.size());
    }

    @Test
    void groupKey_partsOfOneMessage_areEqual() {
        ConcatKey key = new ConcatKey(ConcatScheme.SAR, 300, 3);
        assertEquals(part(key, 1).groupKey(), part(key, 3).groupKey());
    }

    @Test
    void legacyGroupKey_isTheFormStoredBeforeSchemesWereInTheKey() {
        InboundPart p = part(new ConcatKey(ConcatScheme.UDH_16BIT_REF, 5, 2), 1);
        assertEquals("smsc-a|84912345678|156|5|2", p.legacyGroupKey());
        assertNotEquals(p.legacyGroupKey(), p.groupKey());
    }

    @Test
    void new_partBeyondTotal_throws() {
        assertThrows(IllegalArgumentException.class, () -> part(new ConcatKey(ConcatScheme.UDH_8BIT_REF, 1, 3), 4));
    }

    @Test
    void concatKey_referenceBeyondEightBits_throwsForUdh8AndNotForTheOthers() {
        assertThrows(IllegalArgumentException.class, () -> new ConcatKey(ConcatScheme.UDH_8BIT_REF, 256, 2));
        assertEquals(256, new ConcatKey(ConcatScheme.UDH_16BIT_REF, 256, 2).ref());
        assertEquals(0xFFFF, new ConcatKey(ConcatScheme.SAR, 0xFFFF, 2).ref());
    }

    @Test
    void textContent_octetsCopiedInAndOut() {
        byte[] octets = {0x00, 0x41};
        PartContent.Text text = new PartContent.Text(TextCoding.UCS2, octets);
        octets[1] = 0x42;
        text.octets()[1] = 0x43;
        assertArrayEquals(new byte[] {0x00, 0x41}, text.octets());
        assertEquals(new PartContent.Text(TextCoding.UCS2, new byte[] {0x00, 0x41}), text);
    }

    @Test
    void textContent_text_isThePartOnItsOwnWithNulReplaced() {
        byte[] octets = {0, 0x41, 0, 0, (byte) 0xd8, 0x3d};
        assertEquals("A\uFFFD\uFFFD", new PartContent.Text(TextCoding.UCS2, octets).text());
    }
}
