package vn.smsgw.parser.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void of_msisdn_keepsE164TypeAndCarrier() {
        Source source = Source.of(new Msisdn("+84961234567", SourceType.MOBILE, Carrier.VIETTEL));
        assertEquals(new Source("+84961234567", SourceType.MOBILE, Carrier.VIETTEL), source);
        assertTrue(source.isMsisdn());
    }

    @Test
    void brandname_name_isKeptAsTyped() {
        Source source = Source.brandname("FE CREDIT");
        assertEquals("FE CREDIT", source.value());
        assertFalse(source.isMsisdn());
    }

    @Test
    void toString_subscriberNumber_isMasked() {
        Source source = new Source("+84961234567", SourceType.MOBILE, Carrier.VIETTEL);
        assertEquals("Source[MOBILE 84961***567 VIETTEL]", source.toString());
    }

    @Test
    void toString_shortCode_showsDigits() {
        assertEquals("Source[SHORT_CODE 9029 UNKNOWN]", new Source("9029", SourceType.SHORT_CODE, Carrier.UNKNOWN)
                .toString());
    }

    @Test
    void constructor_carrierOnNonMobile_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> new Source("19001234", SourceType.SERVICE, Carrier.VIETTEL));
    }

    @Test
    void constructor_emptyValue_throws() {
        assertThrows(IllegalArgumentException.class, () -> Source.brandname(""));
    }
}
