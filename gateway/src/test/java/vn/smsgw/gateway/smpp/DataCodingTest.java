package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataCodingTest {

    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
        // SMPP 3.4 table
        "00, SMSC_DEFAULT", "01, IA5_ASCII", "02, OCTET_UNSPECIFIED", "03, LATIN1", "04, OCTET", "08, UCS2",
        "05, UNSUPPORTED", "06, UNSUPPORTED", "07, UNSUPPORTED", "09, UNSUPPORTED", "0A, UNSUPPORTED",
        "0D, UNSUPPORTED", "0E, UNSUPPORTED", "0F, UNSUPPORTED",
        // general group with message class (bit 4), alphabet in bits 3..2
        "10, GSM7", "13, GSM7", "14, OCTET", "17, OCTET", "18, UCS2", "1B, UCS2", "1C, UNSUPPORTED",
        // compressed
        "20, UNSUPPORTED", "38, UNSUPPORTED",
        // automatic deletion group
        "40, GSM7", "44, OCTET", "48, UCS2", "51, GSM7", "4C, UNSUPPORTED", "60, UNSUPPORTED",
        // reserved
        "80, UNSUPPORTED", "BF, UNSUPPORTED",
        // message waiting indication groups
        "C0, GSM7", "C8, GSM7", "D0, GSM7", "DF, GSM7", "E0, UCS2", "EF, UCS2",
        // data coding / message class group: bit 2 selects 8-bit data
        "F0, GSM7", "F1, GSM7", "F2, GSM7", "F3, GSM7", "F4, OCTET", "F5, OCTET", "F6, OCTET", "F7, OCTET",
        "FB, GSM7", "FC, OCTET", "FF, OCTET"
    })
    void fromByte_octet_mapsToCategory(String hex, DataCoding expected) {
        assertEquals(expected, DataCoding.fromByte((byte) Integer.parseInt(hex, 16)));
    }

    @Test
    void fromByte_everyOctet_returnsACategory() {
        for (int octet = 0; octet < 256; octet++) {
            assertNotNull(DataCoding.fromByte((byte) octet), "octet " + octet);
        }
    }

    @Test
    void isText_binaryCategories_isFalse() {
        assertFalse(DataCoding.OCTET.isText());
        assertFalse(DataCoding.OCTET_UNSPECIFIED.isText());
        assertFalse(DataCoding.UNSUPPORTED.isText());
    }

    @Test
    void isText_textCategories_isTrue() {
        for (DataCoding coding : new DataCoding[] {DataCoding.SMSC_DEFAULT, DataCoding.IA5_ASCII, DataCoding.LATIN1,
                DataCoding.UCS2, DataCoding.GSM7}) {
            assertTrue(coding.isText(), coding.name());
        }
    }

    @Test
    void code_smppTableCodings_roundTripThroughFromByte() {
        for (DataCoding coding : DataCoding.values()) {
            if (coding.code() >= 0) {
                assertEquals(coding, DataCoding.fromByte((byte) coding.code()));
            }
        }
    }
}
