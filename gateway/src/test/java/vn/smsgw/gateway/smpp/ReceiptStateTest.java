package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ReceiptStateTest {

    @ParameterizedTest(name = "stat:{0}")
    @CsvSource({
        "DELIVRD, DELIVERED", "delivrd, DELIVERED", "Delivered, DELIVERED",
        "EXPIRED, EXPIRED", "DELETED, DELETED",
        "UNDELIV, UNDELIVERABLE", "UNDELIVERABLE, UNDELIVERABLE", "undelivered, UNDELIVERABLE",
        "FAILED, UNDELIVERABLE",
        "ACCEPTD, ACCEPTED", "ACCEPTED, ACCEPTED",
        "UNKNOWN, UNKNOWN", "REJECTD, REJECTED", "rejected, REJECTED", "ENROUTE, ENROUTE",
        "2, DELIVERED", "0, ENROUTE", "9, UNDELIVERABLE", "77, UNKNOWN", "123456789012, UNKNOWN",
        "'', UNKNOWN", "'  delivrd ', DELIVERED", "NOPE, UNKNOWN"
    })
    void readStat_vendorValue_mapsToState(String stat, ReceiptState expected) { // UNKNOWN: not read, or UNKNOWN itself
        assertEquals(expected, ReceiptState.readStat(stat).orElse(ReceiptState.UNKNOWN));
    }

    @ParameterizedTest
    @EnumSource(ReceiptState.class)
    void fromMessageState_ownValue_roundTrips(ReceiptState state) {
        assertEquals(state, ReceiptState.fromMessageState(state.messageState()));
    }

    @Test
    void fromMessageState_outOfRange_isUnknown() {
        assertEquals(ReceiptState.UNKNOWN, ReceiptState.fromMessageState(200));
    }

    @Test
    void isFinal_enroute_isFalse() {
        assertFalse(ReceiptState.ENROUTE.isFinal());
    }

    @ParameterizedTest
    @EnumSource(value = ReceiptState.class, names = "ENROUTE", mode = EnumSource.Mode.EXCLUDE)
    void isFinal_otherStates_isTrue(ReceiptState state) {
        assertTrue(state.isFinal());
    }
}
