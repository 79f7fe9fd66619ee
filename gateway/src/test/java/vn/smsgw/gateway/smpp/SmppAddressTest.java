package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmppAddressTest {

    @ParameterizedTest(name = "{0} -> {1}/{2}")
    @CsvSource({
        "156, UNKNOWN, UNKNOWN",
        "5656, UNKNOWN, UNKNOWN",
        "19001234, UNKNOWN, UNKNOWN",
        "84912345678, INTERNATIONAL, ISDN",
        "0912345678, NATIONAL, ISDN",
        "VIETTEL, ALPHANUMERIC, UNKNOWN",
        "FE CREDIT, ALPHANUMERIC, UNKNOWN",
        "BoCongAn156, ALPHANUMERIC, UNKNOWN"
    })
    void source_sender_getsTonNpi(String sender, Ton ton, Npi npi) {
        assertEquals(new SmppAddress(ton, npi, sender), SmppAddress.source(sender, ShortCodeAddressing.UNKNOWN));
    }

    @ParameterizedTest
    @EnumSource(ShortCodeAddressing.class)
    void source_shortCode_usesConfiguredAddressing(ShortCodeAddressing addressing) {
        SmppAddress address = SmppAddress.source("5656", addressing);
        assertEquals(addressing.ton(), address.ton());
        assertEquals(addressing.npi(), address.npi());
    }

    @Test
    void source_numberLongerThanShortCode_ignoresShortCodeAddressing() {
        assertEquals(Ton.INTERNATIONAL,
                SmppAddress.source("84912345678", ShortCodeAddressing.NETWORK_SPECIFIC).ton());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TWELVE_CHARS", "Cảnh báo", ""})
    void source_invalidBrandname_throws(String sender) {
        assertThrows(IllegalArgumentException.class, () -> SmppAddress.source(sender, ShortCodeAddressing.UNKNOWN));
    }

    @Test
    void international_plusPrefix_isStripped() {
        assertEquals(new SmppAddress(Ton.INTERNATIONAL, Npi.ISDN, "84912345678"),
                SmppAddress.international("+84912345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"849123a5678", "", "+", "123456789012345678901"})
    void international_notDigits_throws(String e164) {
        assertThrows(IllegalArgumentException.class, () -> SmppAddress.international(e164));
    }

    @Test
    void toString_subscriber_isMasked() {
        assertFalse(SmppAddress.international("84912345678").toString().contains("84912345678"));
    }

    @Test
    void toString_shortCode_isShown() {
        assertEquals("UNKNOWN/UNKNOWN/156", SmppAddress.source("156", ShortCodeAddressing.UNKNOWN).toString());
    }

    @Test
    void code_tonAndNpi_areSmppValues() {
        assertEquals(5, Ton.ALPHANUMERIC.code());
        assertEquals(1, Ton.INTERNATIONAL.code());
        assertEquals(3, Ton.NETWORK_SPECIFIC.code());
        assertEquals(1, Npi.ISDN.code());
    }
}
