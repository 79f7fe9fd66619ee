package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConcatenatedMoTest {

    private static final ConcatKey KEY = new ConcatKey(ConcatScheme.UDH_8BIT_REF, 42, 3);

    @Test
    void with_allPartsOutOfOrder_isCompleteInPartOrder() {
        ConcatenatedMo message = ConcatenatedMo.empty(KEY).with(part(3, "c")).with(part(1, "a")).with(part(2, "b"));

        assertTrue(message.isComplete());
        assertEquals("abc", message.text());
    }

    @Test
    void with_duplicatePart_isIgnored() {
        ConcatenatedMo once = ConcatenatedMo.empty(KEY).with(part(1, "a"));

        ConcatenatedMo twice = once.with(part(1, "other"));

        assertSame(once, twice);
        assertEquals(1, twice.received());
        assertEquals("a", twice.text());
    }

    @Test
    void with_someParts_isIncompleteWithReceivedText() {
        ConcatenatedMo message = ConcatenatedMo.empty(KEY).with(part(3, "c")).with(part(1, "a"));

        assertFalse(message.isComplete());
        assertEquals(2, message.received());
        assertEquals("ac", message.text());
    }

    @Test
    void with_partOfOtherMessage_throws() {
        DecodedMo.Part other = new DecodedMo.Part(new ConcatKey(ConcatScheme.UDH_16BIT_REF, 42, 3), 1, "x");
        assertThrows(IllegalArgumentException.class, () -> ConcatenatedMo.empty(KEY).with(other));
    }

    @Test
    void with_anyPart_leavesEarlierValueUnchanged() {
        ConcatenatedMo empty = ConcatenatedMo.empty(KEY);
        empty.with(part(1, "a"));
        assertEquals(0, empty.received());
    }

    @Test
    void new_refBeyond8Bits_throws() {
        assertThrows(IllegalArgumentException.class, () -> new ConcatKey(ConcatScheme.UDH_8BIT_REF, 256, 2));
    }

    @Test
    void new_partBeyondTotal_throws() {
        assertThrows(IllegalArgumentException.class, () -> part(4, "x"));
    }

    private static DecodedMo.Part part(int seq, String text) {
        return new DecodedMo.Part(KEY, seq, text);
    }
}
