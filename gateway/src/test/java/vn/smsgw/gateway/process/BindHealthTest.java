package vn.smsgw.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.smsgw.gateway.http.Health;
import vn.smsgw.gateway.smpp.BindState;
import vn.smsgw.gateway.smpp.BindStatus;

class BindHealthTest {

    /** Binds as {@code name=STATE} pairs separated by spaces. */
    private static Health check(String binds) {
        List<BindStatus> states = new ArrayList<>();
        for (String b : binds.split(" ")) {
            String[] kv = b.split("=");
            states.add(new BindStatus("vnpt", kv[0], BindState.valueOf(kv[1]), Instant.EPOCH, "", 0));
        }
        return new BindHealth("vnpt", () -> states).check();
    }

    @ParameterizedTest
    @CsvSource({
            "trx-0=BOUND, UP, 1/1",
            "trx-0=BOUND trx-1=BACKOFF, UP, 1/2",
            "trx-0=CONNECTING trx-1=AUTH_FAILED, DOWN, 0/2",
            "rx-0=BOUND tx-0=BOUND, UP, 2/2",
            "rx-0=BOUND tx-0=BACKOFF, DOWN, 1/2",
            "rx-0=BACKOFF tx-0=BOUND rx-1=BACKOFF tx-1=BOUND, DOWN, 2/4",
            "rx-0=BOUND tx-0=BACKOFF rx-1=BACKOFF tx-1=BOUND, UP, 2/4"})
    void check_binds_upOnlyWhileMoCanArriveAndMtCanLeave(String binds, String status, String bound) {
        Health h = check(binds);

        assertEquals(status, h.status().name(), binds);
        assertEquals(bound, h.details().get("bound"));
    }
}
