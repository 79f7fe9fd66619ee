package vn.smsgw.parser.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MsisdnTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            84912345678
            0912345678
            +84 912 345 678
            0084912345678
            (+84) 0912.345.678
            912345678
            """)
    void parse_subscriberAddressForm_isMobileE164(String address) {
        assertEquals(new Msisdn("+84912345678", SourceType.MOBILE, Carrier.VINAPHONE),
                Msisdn.parse(address).orElseThrow());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            19001234
            9029
            0890123456
            not a number
            ''
            """)
    void parse_notASubscriberNumber_isEmpty(String address) {
        assertTrue(Msisdn.parse(address).isEmpty());
    }

    @Test
    void digits_mobile_dropsPlus() {
        assertEquals("84912345678", Msisdn.parse("0912345678").orElseThrow().digits());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0912345678        | 84912***678
            024 3825 1234     | 84243***234
            +44 20 7946 0958  | 44207***958
            """)
    void masked_number_keepsFirstFiveAndLastThreeDigits(String address, String masked) {
        Msisdn msisdn = Msisdn.parse(address).orElseThrow();
        assertEquals(masked, msisdn.masked());
        assertEquals(masked, msisdn.toString());
    }

    @Test
    void masked_eightDigitNumber_keepsLastTwoDigits() {
        assertEquals("***56", Msisdn.parse("+82 1234 56").orElseThrow().masked());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12345678 | ***78
            156      | ***56
            12       | ***
            ''       | ***
            """)
    void mask_shortDigitString_keepsLastTwo(String digits, String masked) {
        assertEquals(masked, Msisdn.mask(digits));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            84912345678     | 84912***678
            0912345678      | 84912***678
            912345678       | 84912***678
            +84 912 345 678 | 84912***678
            14155550100     | 14155***100
            123456789       | 123***789
            1234567890      | 1234***890
            """)
    void mask_addressAsWritten_subscriberNumbersInTheirInternationalFormOthersHideAtLeastThree(String address,
            String masked) {
        assertEquals(masked, Msisdn.mask(address));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            84912345678       | MOBILE        | VINAPHONE
            +8491234567a      | MOBILE        | VINAPHONE
            +1234567          | INTERNATIONAL | UNKNOWN
            +1234567890123456 | INTERNATIONAL | UNKNOWN
            +84912345678      | SHORT_CODE    | UNKNOWN
            +84912345678      | SERVICE       | UNKNOWN
            +84912345678      | BRANDNAME     | UNKNOWN
            +84912345678      | INTERNATIONAL | UNKNOWN
            +8491234567       | MOBILE        | UNKNOWN
            +849123456789     | MOBILE        | UNKNOWN
            +84243825123      | FIXED         | UNKNOWN
            +12025550123      | MOBILE        | UNKNOWN
            +12025550123      | FIXED         | UNKNOWN
            +842438251234     | FIXED         | VIETTEL
            +12025550123      | INTERNATIONAL | VIETTEL
            """)
    void constructor_inconsistentComponents_throws(String e164, SourceType type, Carrier carrier) {
        assertThrows(IllegalArgumentException.class, () -> new Msisdn(e164, type, carrier));
    }

    @Test
    void constructor_nullE164_throws() {
        assertThrows(NullPointerException.class, () -> new Msisdn(null, SourceType.MOBILE, Carrier.UNKNOWN));
    }
}
