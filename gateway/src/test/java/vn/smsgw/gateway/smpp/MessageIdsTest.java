package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageIdsTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({
        "ABC123, abc123", "000123, 123", "0000, 0", "0, 0", "' 0a1F ', a1f", "'', ''", "msg-001, msg-001"
    })
    void normalise_id_isCanonical(String id, String expected) {
        assertEquals(expected, MessageIds.normalise(id));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "3039       | 3039,12345,bdf",
        "00003039   | 3039,12345,bdf",
        "1A2B       | 1a2b,6699",
        "12345      | 12345,74565,3039",
        "0          | 0",
        "msg-7      | msg-7",
        "ffffffffffffffffffff | ffffffffffffffffffff,1208925819614629174706175"
    })
    void matchKeys_id_listsEquivalentForms(String id, String expected) {
        assertEquals(List.of(expected.split(",")), List.copyOf(MessageIds.matchKeys(id)));
    }

    @Test
    void matchKeys_hexSubmitIdDecimalReceipt_matches() {
        assertTrue(MessageIds.matchKeys("0000FFFF").contains(MessageIds.normalise("65535")));
    }

    @Test
    void matchKeys_decimalSubmitIdHexReceipt_matches() {
        assertTrue(MessageIds.matchKeys("65535").contains(MessageIds.normalise("FFFF")));
    }

    @Test
    void matchKeys_differentIds_doNotMatch() {
        assertFalse(MessageIds.matchKeys("abc").contains(MessageIds.normalise("abd")));
    }

    @Test
    void matchKeys_overlongId_hasNoConversions() {
        String id = "1".repeat(65);
        assertEquals(List.of(id), List.copyOf(MessageIds.matchKeys(id)));
    }

    @Test
    void matchKeys_fullWidthDigits_areNotConverted() {
        assertEquals(List.of("１２"), List.copyOf(MessageIds.matchKeys("１２")));
    }

    @Test
    void matchKeys_scopedBySmsc_meetTheReceiptKeyOfTheSameSmscOnly() {
        assertEquals(List.of("vnpt:3039", "vnpt:12345", "vnpt:bdf"), List.copyOf(MessageIds.matchKeys("vnpt", "3039")));
        assertTrue(MessageIds.matchKeys("vnpt", "3039").contains(MessageIds.key("vnpt", "12345")));
        assertFalse(MessageIds.matchKeys("vnpt", "3039").contains(MessageIds.key("viettel", "3039")));
        assertEquals("viettel:1a", MessageIds.key("viettel", " 001A "));
    }

    @Test
    void key_withoutAnSmscName_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> MessageIds.key("", "1"));
    }
}
