package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpanTest {

    @Test
    void span_range_readsThatRange() {
        Span span = new Span("LD 0912 x", 3, 7);
        assertEquals(4, span.length());
        assertEquals('9', span.charAt(1));
        assertEquals("0912", span.toString());
        assertEquals("91", span.subSequence(1, 3).toString());
    }

    @Test
    void span_outOfBounds_throws() {
        assertThrows(IndexOutOfBoundsException.class, () -> new Span("abc", 2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> new Span("abc", 2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> new Span("abc", 0, 2).charAt(2));
    }
}
