package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.smsgw.dispatch.outbound.OutboundState;

class ReceiptHandlerTest {

    @ParameterizedTest
    @CsvSource({
        "DELIVERED, true, DELIVERED",
        "ACCEPTED, true, DELIVERED",
        "EXPIRED, true, EXPIRED",
        "REJECTED, true, REJECTED",
        "UNDELIVERABLE, true, UNDELIVERABLE",
        "DELETED, true, UNDELIVERABLE",
        "UNKNOWN, true, UNDELIVERABLE",
        "ENROUTE, false, SUBMITTED",
        "DELIVERED, false, SUBMITTED",
    })
    void state_receiptState_mapsToPartState(ReceiptState state, boolean isFinal, OutboundState expected) {
        assertEquals(expected, ReceiptHandler.state(new DeliveryReceipt("1a", state, "", isFinal)));
    }
}
