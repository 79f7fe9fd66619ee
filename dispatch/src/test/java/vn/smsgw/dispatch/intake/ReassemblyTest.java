package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.text.TextCoding;

class ReassemblyTest {

    private static StoredPart part(int seq, PartContent content) {
        return new StoredPart("84912345678", "156", "smsc-a", Instant.EPOCH, 1, 4, seq, content);
    }

    private static StoredPart part(int seq, TextCoding coding, String hex) {
        return part(seq, new PartContent.Text(coding, HexFormat.of().parseHex(hex.replace(" ", ""))));
    }

    @Test
    void text_surrogatePairSplitAcrossParts_isOneEmoji() {
        assertEquals("A😀B", Reassembly.text(List.of(part(1, TextCoding.UCS2, "0041 d83d"),
                part(2, TextCoding.UCS2, "de00 0042"))));
    }

    @Test
    void text_ucs2UnitSplitOnAnOddOctet_isThatCharacter() {
        assertEquals("Ađ", Reassembly.text(List.of(part(1, TextCoding.UCS2, "0041 01"),
                part(2, TextCoding.UCS2, "11"))));
    }

    @Test
    void text_gsmEscapeAtTheEndOfAPart_escapesTheNextPartsFirstCode() {
        assertEquals("5€", Reassembly.text(List.of(part(1, TextCoding.GSM7, "35 1b"), part(2, TextCoding.GSM7, "65"))));
    }

    @Test
    void text_changeOfCoding_decodesEachRunOnItsOwn() {
        assertEquals("A e\uFFFD", Reassembly.text(List.of(part(1, TextCoding.GSM7, "41 1b"),
                part(2, TextCoding.UCS2, "0065 00"))));
    }

    @Test
    void text_gapBetweenParts_endsTheRun() {
        assertEquals("A\uFFFD\uFFFDB", Reassembly.text(List.of(part(1, TextCoding.UCS2, "0041 d83d"),
                part(3, TextCoding.UCS2, "de00 0042"))));
    }

    @Test
    void text_partStoredDecodedBeforeOctetsWereKept_isItsTextBetweenRuns() {
        assertEquals("ab c€", Reassembly.text(List.of(part(1, TextCoding.LATIN1, "61"),
                part(2, new PartContent.Decoded("b ")), part(3, TextCoding.GSM7, "63 1b 65"))));
    }

    @Test
    void text_binaryParts_areTheirHexInOrder() {
        assertEquals("0a0b", Reassembly.text(List.of(part(1, new PartContent.Binary("0a")),
                part(2, new PartContent.Binary("0b")))));
    }

    @Test
    void text_latin1Parts_joinAsTheyAre() {
        byte[] cafe = "café".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("cafécafé", Reassembly.text(List.of(part(1, new PartContent.Text(TextCoding.LATIN1, cafe)),
                part(2, new PartContent.Text(TextCoding.LATIN1, cafe)))));
    }
}
