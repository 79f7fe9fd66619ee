package vn.smsgw.gateway.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoEncoderTest {

    private final MoEncoder encoder = new MoEncoder(Concatenation.UDH);

    @Test
    void encode_gsmText_isOneUnpackedPartWithDataCodingZero() {
        List<DeliverSmPdu> parts = encoder.encode(new MoMessage("84912345678", "156", "S @1"));

        assertEquals(1, parts.size());
        assertEquals(0x00, parts.get(0).dataCoding());
        assertArrayEquals(new byte[] {'S', ' ', 0x00, '1'}, parts.get(0).shortMessage());
    }

    @Test
    void encode_vietnameseText_isUcs2() {
        DeliverSmPdu part = encoder.encode(new MoMessage("84912345678", "156", "lừa")).get(0);

        assertEquals(0x08, part.dataCoding());
        assertArrayEquals(new byte[] {0, 'l', 0x1E, (byte) 0xEB, 0, 'a'}, part.shortMessage());
    }

    @Test
    void encode_161GsmChars_twoPartsWithUdhAndTheSameReference() {
        List<DeliverSmPdu> parts = encoder.encode(new MoMessage("84912345678", "156", "a".repeat(161)));

        assertEquals(2, parts.size());
        for (int i = 0; i < 2; i++) {
            byte[] sm = parts.get(i).shortMessage();
            assertEquals(0x40, parts.get(i).esmClass());
            assertArrayEquals(new byte[] {5, 0, 3, sm[3], 2, (byte) (i + 1)}, java.util.Arrays.copyOf(sm, 6));
        }
        assertEquals(6 + 153, parts.get(0).shortMessage().length);
        assertEquals(parts.get(0).shortMessage()[3], parts.get(1).shortMessage()[3]);
    }
}
