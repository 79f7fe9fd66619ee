package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReporterCountTableTest {
    @Test
    void pack_keepsLeadingZerosAndLengthApart() {
        assertNotEquals(ReporterCountTable.pack("0912"), ReporterCountTable.pack("912"));
        assertNotEquals(ReporterCountTable.pack("00"), ReporterCountTable.pack("0"));
        assertNotEquals(0, ReporterCountTable.pack("0"));
        assertNotEquals(0, ReporterCountTable.pack("+84912345678"));
        assertNotEquals(ReporterCountTable.pack("+84912345678"), ReporterCountTable.pack("84912345678"));
        assertNotEquals(ReporterCountTable.pack("99999999999999999"), ReporterCountTable.pack("9999999999999999"));
    }

    @Test
    void pack_ofWhatIsNotOneToSeventeenDigits_isZero() {
        for (String address : new String[] {"", "+", "++84912", "84+912", "84 912", "VIETTEL", "123456789012345678", "+123456789012345678", "٣"}) {
            assertEquals(0, ReporterCountTable.pack(address), address);
        }
    }

    @Test
    void counts_ofDigitAndOtherAddresses_addUp() {
        ReporterCountTable table = new ReporterCountTable();
        table.add("84912345678", 1);
        table.add("84912345678", 2);
        table.add("084912345678", 5);
        table.add("+84912345678", 7);
        table.add("123456789012345678", 11);
        table.add("VIETTEL", 2);
        assertEquals(3, table.get("84912345678"));
        assertEquals(5, table.get("084912345678"));
        assertEquals(7, table.get("+84912345678"));
        assertEquals(11, table.get("123456789012345678"));
        assertEquals(2, table.get("VIETTEL"));
        assertEquals(0, table.get("84912345679"));
        assertEquals(5, table.size());
        table.clear();
        assertEquals(0, table.get("84912345678"));
        assertEquals(0, table.get("+84912345678"));
        assertEquals(0, table.get("VIETTEL"));
        assertEquals(0, table.size());
    }

    @Test
    void manyReporters_growTheTable_andAgreeWithAMap() {
        ReporterCountTable table = new ReporterCountTable();
        Map<String, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            String reporter = "849" + random.nextInt(300_000);
            int n = 1 + random.nextInt(3);
            table.add(reporter, n);
            expected.merge(reporter, n, Integer::sum);
        }
        assertEquals(expected.size(), table.size());
        expected.forEach((reporter, n) -> assertEquals(n, table.get(reporter), reporter));
    }
}
