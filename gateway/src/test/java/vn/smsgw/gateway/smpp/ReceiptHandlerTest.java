package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.smsgw.dispatch.outbound.InMemoryOutboundQueue;
import vn.smsgw.dispatch.outbound.OutboundState;
import vn.smsgw.dispatch.store.StorageException;

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

    @Test
    void take_afterClose_failsAtOnceWithAStoreErrorSoTheSmscSendsItAgain() {
        ReceiptHandler handler = new ReceiptHandler(new InMemoryOutboundQueue(Clock.systemUTC()), Clock.systemUTC(),
                new SimpleMeterRegistry());
        handler.close();

        CompletableFuture<OptionalLong> f = handler.take("sim", new DeliveryReceipt("1a", ReceiptState.DELIVERED, "",
                true));

        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertInstanceOf(StorageException.class, e.getCause());
    }
}
