package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Hash128TableTest {
    private record Key(long high, long low) {
    }

    @Test
    void find_ofAnAbsentKey_isMinusOne() {
        Hash128Table table = new Hash128Table();
        assertEquals(-1, table.find(1, 2));
        table.put(1, 2, 3, 4);
        assertEquals(-1, table.find(2, 1), "the halves are not interchangeable");
        assertEquals(-1, table.find(1, 3));
    }

    @Test
    void put_thenFind_givesTheValues_andAZeroKeyIsAKeyLikeAnyOther() {
        Hash128Table table = new Hash128Table();
        table.put(0, 0, 7, 8);
        table.put(-1, Long.MIN_VALUE, 9, 10);
        int zero = table.find(0, 0);
        assertEquals(7, table.first(zero));
        assertEquals(8, table.second(zero));
        int other = table.find(-1, Long.MIN_VALUE);
        assertEquals(9, table.first(other));
        assertEquals(10, table.second(other));
        assertEquals(2, table.size());
    }

    @Test
    void put_ofAKeyAlreadyThere_replacesItsValues() {
        Hash128Table table = new Hash128Table();
        table.put(5, 6, 1, 1);
        table.put(5, 6, 2, 3);
        assertEquals(1, table.size());
        assertEquals(2, table.first(table.find(5, 6)));
        assertEquals(3, table.second(table.find(5, 6)));
    }

    @Test
    void manyKeys_growTheTable_andAgreeWithAMap() {
        Hash128Table table = new Hash128Table();
        Map<Key, long[]> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            // some keys share a half, some repeat: both must still be told apart or replaced
            long high = i % 3 == 0 ? 17 : random.nextLong();
            long low = i % 5 == 0 ? i / 5 : random.nextLong();
            table.put(high, low, i, -i);
            expected.put(new Key(high, low), new long[] {i, -i});
        }
        assertEquals(expected.size(), table.size());
        assertTrue(table.consistent());
        assertTrue(table.capacitySlots() >= 2 * table.size());
        expected.forEach((k, v) -> {
            int slot = table.find(k.high(), k.low());
            assertEquals(v[0], table.first(slot), k.toString());
            assertEquals(v[1], table.second(slot), k.toString());
        });
    }

    @Test
    void retainIf_dropsWhatFailsTheTest_andShrinks() {
        Hash128Table table = new Hash128Table();
        for (int i = 0; i < 10_000; i++) {
            table.put(i, ~i, i, i % 100);
        }
        int grown = table.capacitySlots();
        assertEquals(9_900, table.retainIf((first, second) -> second == 7));
        assertEquals(100, table.size());
        assertTrue(table.capacitySlots() < grown);
        assertTrue(table.consistent());
        for (int i = 0; i < 10_000; i++) {
            int slot = table.find(i, ~i);
            assertEquals(i % 100 == 7, slot >= 0, "key " + i);
        }
        assertEquals(0, table.retainIf((first, second) -> true), "nothing more to drop");
    }
}
