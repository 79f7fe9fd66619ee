package vn.smsgw.dispatch.blocklist;

import vn.smsgw.dispatch.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allowlist file read through the real numbering plan (typed numbers, not yet normalised). */
class BlocklistAdminNumberPlanTest {
    @TempDir
    Path dir;

    @Test
    void loadAllowlist_typedNumbers_areNormalisedByTheNumberingPlan() throws Exception {
        BlocklistStores stores = BlocklistStores.inMemory();
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T00:00:00Z"));
        Allowlist allowlist = new Allowlist(stores, clock, Allowlist.DEFAULT_REFRESH);
        BlocklistAdmin admin = new BlocklistAdmin(stores, allowlist,
                new PortabilityOverrides(stores, clock, Allowlist.DEFAULT_REFRESH), clock);
        Path file = dir.resolve("allow.csv");
        Files.writeString(file, "0981 234 567,Bank hotline\n1900 1234,Bank\n");

        LoadReport report = admin.loadAllowlist(file, "op1");

        assertEquals(2, report.loaded());
        assertTrue(allowlist.contains("+84981234567"));
        assertTrue(allowlist.contains("19001234"));
    }

    @Test
    void disallow_numberTypedAsItWasAllowed_removesTheEntry() {
        BlocklistStores stores = BlocklistStores.inMemory();
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T00:00:00Z"));
        Allowlist allowlist = new Allowlist(stores, clock, Allowlist.DEFAULT_REFRESH);
        BlocklistAdmin admin = new BlocklistAdmin(stores, allowlist,
                new PortabilityOverrides(stores, clock, Allowlist.DEFAULT_REFRESH), clock);
        admin.allow("0981 234 567", "bank hotline", "op1");
        assertTrue(allowlist.contains("+84981234567"), "stored in its international form");

        assertTrue(admin.disallow("0981 234 567", "op1"), "removed by the form it was added in");
        assertFalse(admin.disallow("+84981234567", "op1"), "and gone");
    }
}
