package vn.smsgw.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench claims} runs on a small store and prints a row per size (what it measures is not checked here). */
class ClaimBenchTest {

    @Test
    void run_smallStore_findsTheOwnReplyPastTheOthersAndPrintsARow() throws Exception {
        ClaimBench.Result r = ClaimBench.run(2_500, 3);

        assertEquals(2_500, r.waiting());
        assertTrue(r.dueCheckMillis() > 0 && r.claimMillis() > 0, r.toString());
        String table = ClaimBench.table(3, List.of(r));
        assertTrue(table.contains("\n         2,500 "), table);
        assertTrue(table.contains("averaged over 3 looks"), table);
    }
}
